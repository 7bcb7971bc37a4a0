package dev.rapport.timeline.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/** What a touchpoint must satisfy before it is stored; each refusal names the field. */
final class TouchpointRules {

  static final int MAX_SUMMARY = dev.rapport.timeline.NewTouchpoint.MAX_SUMMARY;
  static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");
  static final Pattern SOURCE_TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,59}");
  private static final BigDecimal LIMIT = new BigDecimal("1000000000000000"); // 10^15
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  private TouchpointRules() {}

  static void check(NewTouchpoint t, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (t.person() == null && t.account() == null) {
      errors.add(err("personId", "a touchpoint needs a person or an account"));
    }
    if (t.kind() == null) {
      errors.add(err("kind", "is required"));
    }
    if (t.channel() == null || t.channel().isBlank()) {
      errors.add(err("channel", "is required"));
    } else if (!CHANNEL.matcher(t.channel()).matches()) {
      errors.add(
          err(
              "channel",
              "must be 1 to 40 lower-case letters, digits, '.', '_' or '-', was '"
                  + clip(t.channel())
                  + "'"));
    }
    if (t.occurredAt() == null) {
      errors.add(err("occurredAt", "is required"));
    } else if (t.occurredAt().isAfter(now.plus(Duration.ofDays(1)))) {
      errors.add(err("occurredAt", "is more than a day in the future"));
    } else if (t.occurredAt().isBefore(EARLIEST)) {
      errors.add(err("occurredAt", "is before 1970"));
    }
    text(errors, "summary", t.summary(), MAX_SUMMARY, true);
    text(errors, "by", t.byName(), 200, false);
    source(errors, t.source());
    money(errors, t);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private static void source(List<FieldError> errors, SourceRef source) {
    if (source == null) {
      errors.add(err("source", "is required: the record this touchpoint comes from"));
      return;
    }
    if (source.type() == null || source.type().isBlank()) {
      errors.add(err("source.type", "is required"));
    } else if (!SOURCE_TYPE.matcher(source.type()).matches()) {
      errors.add(
          err(
              "source.type",
              "must be 1 to 60 lower-case letters, digits, '.', '_' or '-', starting with a"
                  + " letter"));
    }
    text(errors, "source.id", source.id(), 200, true);
    if (source.url() != null) {
      text(errors, "source.url", source.url(), 2000, false);
      if (source.url().length() <= 2000 && !isWebUrl(source.url())) {
        errors.add(err("source.url", "must be an absolute http or https URL"));
      }
    }
  }

  private static void money(List<FieldError> errors, NewTouchpoint t) {
    boolean any = t.amount() != null || t.margin() != null || t.currency() != null;
    if (t.kind() != null && any && !t.kind().mayCarryMoney()) {
      errors.add(
          err(
              t.amount() != null ? "amount" : t.margin() != null ? "margin" : "currency",
              "only orders, invoices and deal events carry money"));
      return;
    }
    if (t.kind() != null && t.kind().mustCarryMoney()) {
      if (t.amount() == null) {
        errors.add(err("amount", "is required for " + t.kind().name().toLowerCase() + "s"));
      }
      if (t.currency() == null) {
        errors.add(err("currency", "is required for " + t.kind().name().toLowerCase() + "s"));
      }
    }
    amount(errors, "amount", t.amount());
    amount(errors, "margin", t.margin());
    if (t.amount() != null
        && t.margin() != null
        && t.amount().signum() >= 0
        && t.margin().compareTo(t.amount()) > 0) {
      errors.add(err("margin", "is larger than the amount"));
    }
    if (t.margin() != null && t.amount() == null) {
      errors.add(err("amount", "is required when a margin is given"));
    }
    if (t.currency() != null) {
      if (!isIsoCurrency(t.currency())) {
        errors.add(
            err(
                "currency",
                "must be an ISO 4217 code such as EUR or USD, was '" + clip(t.currency()) + "'"));
      }
    } else if (t.amount() != null) {
      errors.add(err("currency", "is required when an amount is given"));
    }
  }

  private static void amount(List<FieldError> errors, String field, BigDecimal value) {
    if (value == null) {
      return;
    }
    if (value.abs().compareTo(LIMIT) >= 0) {
      errors.add(err(field, "is too large (at most 15 digits before the decimal point)"));
    } else if (value.stripTrailingZeros().scale() > 4) {
      errors.add(err(field, "has more than 4 decimal places"));
    }
  }

  static boolean isIsoCurrency(String code) {
    if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean isWebUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return uri.isAbsolute()
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void text(
      List<FieldError> errors, String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(err(field, "is required"));
      }
      return;
    }
    if (value.length() > max) {
      errors.add(err(field, "is longer than " + max + " characters (" + value.length() + ")"));
    } else if (value.indexOf('\0') >= 0) {
      errors.add(err(field, "contains a NUL character"));
    }
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static FieldError err(String field, String reason) {
    return new FieldError(field, reason);
  }
}
