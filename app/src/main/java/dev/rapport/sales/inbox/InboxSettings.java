package dev.rapport.sales.inbox;

import dev.rapport.shared.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's SLA per reading and its business calendar, as stored and as edited. */
@Component
class InboxSettings {

  static final int MAX_SLA_MINUTES = 60 * 24 * 30;

  private final JdbcClient jdbc;

  InboxSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Minutes of business time allowed before the first response, per reading. */
  Map<Signal, Integer> slas() {
    Map<Signal, Integer> out = new EnumMap<>(Signal.class);
    jdbc.sql("select reading, minutes from inbox_sla")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .list()
        .forEach(e -> Signal.byKey(e.getKey()).ifPresent(s -> out.put(s, e.getValue())));
    for (Signal s : Signal.values()) {
      out.putIfAbsent(s, 60);
    }
    return out;
  }

  /** Replaces the SLAs given (keys as {@link Signal#key()}); every value 1 to 30 days. */
  @Transactional
  void setSlas(Map<String, Integer> minutes) {
    List<InvalidInputException.FieldError> errors = slaErrors(minutes);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Map<Signal, Integer> valid = new EnumMap<>(Signal.class);
    minutes.forEach((key, value) -> valid.put(Signal.byKey(key).orElseThrow(), value));
    valid.forEach(
        (s, m) -> {
          int n =
              jdbc.sql("update inbox_sla set minutes = :m where reading = :r")
                  .param("m", m)
                  .param("r", s.key())
                  .update();
          if (n == 0) {
            jdbc.sql("insert into inbox_sla (reading, minutes) values (:r, :m)")
                .param("m", m)
                .param("r", s.key())
                .update();
          }
        });
  }

  /**
   * What is wrong with the SLAs given, each named {@code sla.<reading>}; empty when all is well.
   */
  static List<InvalidInputException.FieldError> slaErrors(Map<String, Integer> minutes) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    minutes.forEach(
        (key, value) -> {
          String field = "sla." + key;
          if (Signal.byKey(key).isEmpty()) {
            errors.add(new InvalidInputException.FieldError(field, "is not an actionable reading"));
          } else if (value == null || value < 1) {
            errors.add(
                new InvalidInputException.FieldError(
                    field, "must be at least 1 minute; an SLA of 0 could never be met"));
          } else if (value > MAX_SLA_MINUTES) {
            errors.add(
                new InvalidInputException.FieldError(
                    field, "must be at most " + MAX_SLA_MINUTES + " minutes (30 days)"));
          }
        });
    return errors;
  }

  BusinessCalendar calendar() {
    return jdbc.sql("select zone, days, opens, closes from inbox_calendar where id = 1")
        .query(
            (rs, n) ->
                new BusinessCalendar(
                    ZoneId.of(rs.getString(1)),
                    days(rs.getString(2)),
                    LocalTime.parse(rs.getString(3)),
                    LocalTime.parse(rs.getString(4))))
        .optional()
        .orElse(BusinessCalendar.DEFAULT);
  }

  /** Parses and stores the calendar; each bad field is named. */
  @Transactional
  BusinessCalendar setCalendar(String zone, List<String> days, String opens, String closes) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    ZoneId z = null;
    try {
      z = ZoneId.of(zone == null ? "" : zone.strip());
    } catch (DateTimeException e) {
      errors.add(
          new InvalidInputException.FieldError("zone", "is not a time zone, e.g. Europe/Berlin"));
    }
    Set<DayOfWeek> d = EnumSet.noneOf(DayOfWeek.class);
    for (String day : days == null ? List.<String>of() : days) {
      try {
        d.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        errors.add(new InvalidInputException.FieldError("days", "'" + day + "' is not a weekday"));
      }
    }
    LocalTime o = time("opens", opens, errors);
    LocalTime c = time("closes", closes, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    BusinessCalendar cal = new BusinessCalendar(z, d, o, c);
    jdbc.sql("update inbox_calendar set zone = :z, days = :d, opens = :o, closes = :c where id = 1")
        .param("z", cal.zone().getId())
        .param("d", String.join(",", cal.days().stream().sorted().map(Enum::name).toList()))
        .param("o", o.toString())
        .param("c", c.toString())
        .update();
    return cal;
  }

  private static LocalTime time(
      String field, String raw, List<InvalidInputException.FieldError> errors) {
    try {
      return LocalTime.parse(raw == null ? "" : raw.strip());
    } catch (DateTimeException e) {
      errors.add(new InvalidInputException.FieldError(field, "must be a time like 09:00"));
      return null;
    }
  }

  private static Set<DayOfWeek> days(String stored) {
    Set<DayOfWeek> d = EnumSet.noneOf(DayOfWeek.class);
    for (String s : stored.split(",")) {
      if (!s.isBlank()) {
        d.add(DayOfWeek.valueOf(s.strip()));
      }
    }
    return d;
  }
}
