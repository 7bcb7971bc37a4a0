package dev.rapport.sales.forecast;

import dev.rapport.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forecast period: a month ("2026-12") or a quarter ("2026-Q4"), with the close dates it covers
 * (from inclusive, to exclusive).
 */
record Period(String label, LocalDate from, LocalDate to) {

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

  /** Whether the forecast is cut by month or by quarter. */
  enum Unit {
    MONTH,
    QUARTER;

    static Unit parse(String text) {
      if (text == null || text.isBlank()) {
        return MONTH;
      }
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("period", "must be month or quarter");
      }
    }
  }

  static Period of(Unit unit, YearMonth month) {
    if (unit == Unit.MONTH) {
      return new Period(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }
    int q = (month.getMonthValue() - 1) / 3;
    YearMonth first = YearMonth.of(month.getYear(), q * 3 + 1);
    return new Period(
        month.getYear() + "-Q" + (q + 1), first.atDay(1), first.plusMonths(3).atDay(1));
  }

  /** A period from its label; anything else is refused naming {@code field}. */
  static Period parse(String field, String text) {
    String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    Matcher q = QUARTER.matcher(t);
    if (q.matches()) {
      int year = Integer.parseInt(q.group(1));
      return of(Unit.QUARTER, YearMonth.of(year, (Integer.parseInt(q.group(2)) - 1) * 3 + 1));
    }
    Matcher m = MONTH.matcher(t);
    if (m.matches()) {
      return of(
          Unit.MONTH, YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    throw InvalidInputException.of(field, "must be a month like 2026-12 or a quarter like 2026-Q4");
  }
}
