package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.TextChecks;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The limits every way in (API, form, import) checks a field against, with messages to match. */
final class Fields {

  static final int NAME = 100;
  static final int EMAIL = 254;
  static final int PHONE = 40;
  static final int TITLE = 200;
  static final int TAG = 60;
  static final int ACCOUNT_NAME = 200;
  static final int DOMAIN = 253;
  static final int INDUSTRY = 100;
  static final int LOCATION = 200;
  static final int HANDLE = 200;
  static final int URL = 1000;
  static final int BIO = 2000;

  static final Set<String> CONSENT_BASES =
      Set.of("consent", "legitimate_interest", "contract", "none");

  private static final Pattern EMAIL_SHAPE =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");
  private static final Pattern DOMAIN_SHAPE =
      Pattern.compile("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$");
  private static final Pattern PHONE_SHAPE = Pattern.compile("^[+0-9 ()./-]{3,40}$");

  private Fields() {}

  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String t = value.strip();
    return t.isEmpty() ? null : t;
  }

  /** Refuses text longer than {@code max} or holding NUL, control characters, lone surrogates. */
  static void length(List<FieldError> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(
          new FieldError(field, "value is " + value.length() + " characters long; at most " + max));
    } else if (TextChecks.refusal(value) != null) {
      errors.add(new FieldError(field, TextChecks.refusal(value)));
    }
  }

  static void email(List<FieldError> errors, String field, String value) {
    if (value.length() > EMAIL) {
      length(errors, field, value, EMAIL);
    } else if (!EMAIL_SHAPE.matcher(value).matches()) {
      errors.add(new FieldError(field, "'" + shorten(value) + "' is not a valid email address"));
    }
  }

  static void domain(List<FieldError> errors, String field, String value) {
    if (value.length() > DOMAIN) {
      length(errors, field, value, DOMAIN);
    } else if (!DOMAIN_SHAPE.matcher(value).matches()) {
      errors.add(new FieldError(field, "'" + shorten(value) + "' is not a domain name"));
    }
  }

  static void phone(List<FieldError> errors, String field, String value) {
    if (value.length() > PHONE) {
      length(errors, field, value, PHONE);
    } else if (!PHONE_SHAPE.matcher(value).matches()) {
      errors.add(new FieldError(field, "'" + shorten(value) + "' is not a phone number"));
    }
  }

  static String emailKey(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  static String domainKey(String domain) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    if (d.startsWith("www.")) {
      d = d.substring(4);
    }
    return d;
  }

  static String nameKey(String fullName) {
    return fullName.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  static String shorten(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "...";
  }
}
