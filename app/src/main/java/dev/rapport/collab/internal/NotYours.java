package dev.rapport.collab.internal;

/** A change to a comment by someone who may not make it (another user's comment): 403. */
public class NotYours extends RuntimeException {

  public NotYours(String message) {
    super(message);
  }
}
