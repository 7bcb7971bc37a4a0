package dev.rapport.access;

/** Tells which actor the current request or job runs as. */
public interface Actors {

  /** The current actor; {@link Actor#SYSTEM} outside a request. */
  Actor current();
}
