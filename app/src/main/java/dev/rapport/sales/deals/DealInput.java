package dev.rapport.sales.deals;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.TextChecks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Collects refused fields of one request, so the answer names each of them at once. */
final class DealInput {

  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
  static final LocalDate EARLIEST_CLOSE = LocalDate.of(1970, 1, 1);
  static final int MAX_YEARS_AHEAD = 20;

  private final List<FieldError> errors = new ArrayList<>();

  void fail(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  boolean failed() {
    return !errors.isEmpty();
  }

  void check() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** Stripped text, or null when blank (then "is required" when required). */
  String text(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        fail(field, "is required");
      }
      return null;
    }
    String v = value.strip();
    String refusal = TextChecks.refusal(v);
    if (refusal != null) {
      fail(field, refusal);
      return null;
    }
    if (v.length() > max) {
      fail(field, "is longer than " + max + " characters");
      return null;
    }
    return v;
  }

  BigDecimal amount(String field, BigDecimal value) {
    if (value == null) {
      fail(field, "is required");
      return null;
    }
    if (value.signum() <= 0) {
      fail(field, "must be more than 0 (got " + value.toPlainString() + ")");
      return null;
    }
    return money(field, value);
  }

  BigDecimal margin(String field, BigDecimal value, BigDecimal amount) {
    if (value == null) {
      return null;
    }
    if (value.signum() < 0) {
      fail(field, "must be 0 or more (got " + value.toPlainString() + ")");
      return null;
    }
    BigDecimal m = money(field, value);
    if (m != null && amount != null && m.compareTo(amount) > 0) {
      fail(field, "cannot be more than the amount " + amount.toPlainString());
      return null;
    }
    return m;
  }

  private BigDecimal money(String field, BigDecimal value) {
    if (value.compareTo(MAX_AMOUNT) >= 0) {
      fail(field, "must be less than " + MAX_AMOUNT.toPlainString());
      return null;
    }
    if (value.stripTrailingZeros().scale() > 2) {
      fail(field, "has more than 2 decimals");
      return null;
    }
    return value.setScale(2);
  }

  /** An ISO 4217 code known to java.util.Currency, upper case. */
  String currency(String field, String value) {
    if (value == null || value.isBlank()) {
      fail(field, "is required (an ISO 4217 code such as EUR)");
      return null;
    }
    String code = value.strip();
    if (!code.matches("[A-Za-z]{3}")) {
      fail(field, "'" + clip(code) + "' is not an ISO 4217 code (three letters such as EUR)");
      return null;
    }
    code = code.toUpperCase(Locale.ROOT);
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      fail(field, "'" + code + "' is not a known ISO 4217 currency");
      return null;
    }
    if (code.equals("XXX") || code.equals("XTS")) {
      fail(field, "'" + code + "' is not a currency a deal can be in");
      return null;
    }
    return code;
  }

  LocalDate closeDate(String field, LocalDate value, LocalDate today) {
    if (value == null) {
      fail(field, "is required (a date such as " + today.plusMonths(1) + ")");
      return null;
    }
    LocalDate latest = today.plusYears(MAX_YEARS_AHEAD);
    if (value.isBefore(EARLIEST_CLOSE) || value.isAfter(latest)) {
      fail(field, "must be between " + EARLIEST_CLOSE + " and " + latest + " (got " + value + ")");
      return null;
    }
    return value;
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
