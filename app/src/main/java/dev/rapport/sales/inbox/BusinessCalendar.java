package dev.rapport.sales.inbox;

import dev.rapport.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The workspace's working week: the days, the opening and closing time, and the time zone they are
 * read in. SLA clocks run only inside it, so a complaint posted on Friday evening is due on Monday
 * morning, not on Saturday.
 */
record BusinessCalendar(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

  static final BusinessCalendar DEFAULT =
      new BusinessCalendar(
          ZoneId.of("UTC"),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0));

  BusinessCalendar {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
    if (days == null || days.isEmpty()) {
      throw InvalidInputException.of("days", "choose at least one working day");
    }
    if (!closes.isAfter(opens)) {
      throw InvalidInputException.of("closes", "must be after the opening time " + opens);
    }
    days = Set.copyOf(days);
  }

  /** The instant {@code minutes} business minutes after {@code from}. */
  Instant plus(Instant from, long minutes) {
    if (minutes < 0) {
      throw new IllegalArgumentException("minutes must not be negative");
    }
    ZonedDateTime at = nextOpen(from.atZone(zone));
    long left = minutes;
    while (true) {
      ZonedDateTime close = at.with(closes);
      long open = Duration.between(at, close).toMinutes();
      if (left <= open) {
        return at.plusMinutes(left).toInstant();
      }
      left -= open;
      at = nextOpen(close.plusNanos(1));
    }
  }

  /** Business minutes between two instants; zero when {@code to} is not after {@code from}. */
  long minutesBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    ZonedDateTime end = to.atZone(zone);
    ZonedDateTime at = nextOpen(from.atZone(zone));
    long total = 0;
    while (at.isBefore(end)) {
      ZonedDateTime close = at.with(closes);
      ZonedDateTime stop = close.isBefore(end) ? close : end;
      total += Duration.between(at, stop).toMinutes();
      at = nextOpen(close.plusNanos(1));
    }
    return total;
  }

  /** The moment itself when the business is open, else the next opening. */
  private ZonedDateTime nextOpen(ZonedDateTime t) {
    LocalDate day = t.toLocalDate();
    LocalTime time = t.toLocalTime();
    if (days.contains(day.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes)) {
      return t;
    }
    if (!days.contains(day.getDayOfWeek()) || !time.isBefore(opens)) {
      day = day.plusDays(1);
    }
    while (!days.contains(day.getDayOfWeek())) {
      day = day.plusDays(1);
    }
    return day.atTime(opens).atZone(zone);
  }
}
