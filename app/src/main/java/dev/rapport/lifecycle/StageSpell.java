package dev.rapport.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * One stay of a person in a stage: entered and exited (null while they are still there) and how
 * long it lasted, up to {@code asOf} for the current stay.
 */
public record StageSpell(Stage stage, Instant entered, Instant exited, Duration duration) {

  public boolean isCurrent() {
    return exited == null;
  }
}
