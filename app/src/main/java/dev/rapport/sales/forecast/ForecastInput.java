package dev.rapport.sales.forecast;

import dev.rapport.sales.ForecastCategory;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The forecast's input, checked: which grouping, unit and range a table shows, which number a
 * drill-down opens, and a commit override. Every refusal names its field.
 */
final class ForecastInput {

  static final int MAX_PERIODS = 24;
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

  private final List<FieldError> errors = new ArrayList<>();

  void check() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  String groupBy(String text) {
    String g = text == null || text.isBlank() ? "owner" : text.strip().toLowerCase(Locale.ROOT);
    if (!g.equals("owner") && !g.equals("team")) {
      errors.add(new FieldError("groupBy", "must be owner or team"));
      return "owner";
    }
    return g;
  }

  Period.Unit unit(String text) {
    try {
      return Period.Unit.parse(text);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
      return Period.Unit.MONTH;
    }
  }

  YearMonth from(String text, YearMonth otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      YearMonth m = YearMonth.parse(text.strip());
      if (m.getYear() >= 1900 && m.getYear() <= 9990) {
        return m;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(new FieldError("from", "must be a month like 2026-12, between 1900 and 9990"));
    return otherwise;
  }

  int count(Integer n, Period.Unit unit) {
    if (n == null) {
      return unit == Period.Unit.MONTH ? 6 : 4;
    }
    if (n < 1 || n > MAX_PERIODS) {
      errors.add(new FieldError("periods", "must be between 1 and " + MAX_PERIODS));
      return 1;
    }
    return n;
  }

  Period period(String text) {
    try {
      return Period.parse("period", text);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
      return null;
    }
  }

  long id(String field, Long id) {
    if (id == null || id < 0) {
      errors.add(new FieldError(field, "must be an id (0 for none)"));
      return 0;
    }
    return id;
  }

  String currency(String text) {
    String c = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    try {
      if (c.length() == 3) {
        return Currency.getInstance(c).getCurrencyCode();
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
    return null;
  }

  ForecastCategory category(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ForecastCategory.valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("category", "must be pipeline, best_case, commit or closed"));
      return null;
    }
  }

  BigDecimal amount(BigDecimal amount) {
    if (amount == null) {
      errors.add(new FieldError("amount", "is required"));
    } else if (amount.signum() < 0) {
      errors.add(new FieldError("amount", "must not be negative"));
    } else if (amount.compareTo(MAX_AMOUNT) >= 0 || amount.scale() > 2) {
      errors.add(new FieldError("amount", "must be below 10^15 with at most 2 decimals"));
    }
    return amount;
  }

  String note(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > 500) {
      errors.add(new FieldError("note", "must be at most 500 characters"));
    }
    return text.strip();
  }
}
