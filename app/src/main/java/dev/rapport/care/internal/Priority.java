package dev.rapport.care.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * How soon a case must be answered, each with its SLA in business minutes (first response): urgent
 * 1 hour, high 4 hours, normal one working day (8 hours), low two working days.
 */
enum Priority {
  URGENT(60),
  HIGH(240),
  NORMAL(480),
  LOW(960);

  final int slaMinutes;

  Priority(int slaMinutes) {
    this.slaMinutes = slaMinutes;
  }

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  Priority up() {
    return this == URGENT ? URGENT : values()[ordinal() - 1];
  }

  Priority down() {
    return this == LOW ? LOW : values()[ordinal() + 1];
  }

  /** True when this is at least as pressing as {@code other}. */
  boolean atLeast(Priority other) {
    return ordinal() <= other.ordinal();
  }

  static Optional<Priority> byKey(String key) {
    if (key == null) {
      return Optional.empty();
    }
    for (Priority p : values()) {
      if (p.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
