package dev.rapport.sales.touch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a person is next due: the last touch (or the cadence's start) plus the cadence, after any
 * snooze.
 */
final class Due {

  private Due() {}

  static Instant at(Instant lastTouch, Instant since, int everyDays, Instant snoozedUntil) {
    Instant base = lastTouch != null ? lastTouch.plus(Duration.ofDays(everyDays)) : since;
    return snoozedUntil != null && snoozedUntil.isAfter(base) ? snoozedUntil : base;
  }

  /** The end of the UTC day that contains the instant: what is due "today" is due before it. */
  static Instant endOfDay(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC)
        .plusDays(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  static Instant startOfDay(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
