package dev.rapport.shared;

/** Raised when a record asked for by id does not exist or is not visible to the caller. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " was not found");
  }
}
