package dev.rapport.listening.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds really carry: RFC 822 and its variants (no weekday or a full one, a missing
 * space after the comma, two-digit years, no seconds or no time at all, -0000, GMT, UT, Z and the
 * named North American zones) and ISO 8601 as W3C-DTF and beyond (no seconds, fractions, basic
 * format, a space for T, offsets as +01, +0100 or +01:00). A value outside its range (hour 25, 31
 * June, month 13) or an unknown zone gives null, "time unknown", never a rolled-over or guessed
 * instant. A date without a zone is taken as UTC.
 */
final class FeedDates {
  private FeedDates() {}

  private static final Pattern RFC822 =
      Pattern.compile(
          "^(?:([A-Za-z]{2,9})\\s*,?\\s*)?(\\d{1,2})[\\s-]*([A-Za-z]{3,9})\\.?[\\s-]*(\\d{2,4})"
              + "(?:[\\sT]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.\\d+)?)?\\s*(.*)$");
  private static final Pattern ISO8601 =
      Pattern.compile(
          "^(\\d{4})(?:-?(\\d{2})(?:-?(\\d{2}))?)?"
              + "(?:(?:T|\\s+)(\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
              + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?$");
  private static final Pattern OFFSET =
      Pattern.compile("^(?:GMT|UTC|UT)?([+-])(\\d{1,2}):?(\\d{2})?$");
  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("", 0),
          Map.entry("GMT", 0),
          Map.entry("UT", 0),
          Map.entry("UTC", 0),
          Map.entry("Z", 0),
          Map.entry("EST", -5),
          Map.entry("EDT", -4),
          Map.entry("CST", -6),
          Map.entry("CDT", -5),
          Map.entry("MST", -7),
          Map.entry("MDT", -6),
          Map.entry("PST", -8),
          Map.entry("PDT", -7),
          Map.entry("AKST", -9),
          Map.entry("AKDT", -8),
          Map.entry("HST", -10),
          Map.entry("AST", -4),
          Map.entry("ADT", -3),
          Map.entry("NST", -3),
          Map.entry("BST", 1),
          Map.entry("CET", 1),
          Map.entry("CEST", 2),
          Map.entry("MET", 1),
          Map.entry("MEST", 2),
          Map.entry("EET", 2),
          Map.entry("EEST", 3),
          Map.entry("WET", 0),
          Map.entry("WEST", 1),
          Map.entry("JST", 9));
  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

  /** The instant a feed date names, or null when it names none (or an impossible one). */
  static Instant parse(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.isEmpty() || v.length() > 80) {
      return null;
    }
    try {
      Matcher iso = ISO8601.matcher(v);
      if (iso.matches()) {
        return iso(iso);
      }
      Matcher rfc = RFC822.matcher(v);
      if (rfc.matches()) {
        return rfc822(rfc);
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static Instant iso(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
    int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
    int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    int nanos = 0;
    if (m.group(7) != null) {
      nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
    }
    ZoneOffset offset = offset(m.group(8) == null ? "" : m.group(8));
    if (offset == null) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
  }

  private static Instant rfc822(Matcher m) {
    if (m.group(1) != null && !isWeekday(m.group(1))) {
      return null;
    }
    int day = Integer.parseInt(m.group(2));
    int month = month(m.group(3));
    if (month < 1) {
      return null;
    }
    String y = m.group(4);
    int year = Integer.parseInt(y);
    if (y.length() == 2) {
      year += year < 50 ? 2000 : 1900;
    } else if (y.length() == 3) {
      year += 1900;
    }
    int hour = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
    int minute = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
    ZoneOffset offset = offset(m.group(8).strip());
    if (offset == null) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset);
  }

  /** A zone as feeds write it; null when unknown, so that no instant is guessed. */
  private static ZoneOffset offset(String zone) {
    String z = zone.toUpperCase(Locale.ROOT).replace("(", "").replace(")", "").strip();
    Integer hours = ZONES.get(z);
    if (hours != null) {
      return ZoneOffset.ofHours(hours);
    }
    Matcher o = OFFSET.matcher(z);
    if (o.matches()) {
      int h = Integer.parseInt(o.group(2));
      int min = o.group(3) == null ? 0 : Integer.parseInt(o.group(3));
      if (h > 18 || min > 59) {
        return null;
      }
      int sign = o.group(1).equals("-") ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * h, sign * min);
    }
    if (z.length() == 1 && Character.isLetter(z.charAt(0)) && z.charAt(0) != 'J') {
      // RFC 2822 §4.3: military zones other than Z were used inconsistently; read as -0000.
      return ZoneOffset.UTC;
    }
    return null;
  }

  private static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.length() < 3) {
      return -1;
    }
    int at = MONTHS.indexOf(n.substring(0, 3));
    if (at < 0 || at % 3 != 0) {
      return -1;
    }
    return at / 3 + 1;
  }

  private static boolean isWeekday(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.length() >= 2
        && java.util.List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun").stream()
            .anyMatch(d -> n.startsWith(d.substring(0, Math.min(d.length(), n.length()))));
  }
}
