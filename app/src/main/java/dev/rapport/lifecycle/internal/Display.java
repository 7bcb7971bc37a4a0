package dev.rapport.lifecycle.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times and durations read on the pages. */
final class Display {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Display() {}

  static String when(Instant at) {
    return at == null ? "" : WHEN.format(at);
  }

  static String span(Duration d) {
    long days = d.toDays();
    if (days >= 60) {
      return (days / 30) + " months";
    }
    if (days >= 1) {
      return days + (days == 1 ? " day" : " days");
    }
    long hours = d.toHours();
    if (hours >= 1) {
      return hours + (hours == 1 ? " hour" : " hours");
    }
    return Math.max(0, d.toMinutes()) + " minutes";
  }
}
