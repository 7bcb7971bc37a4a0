package dev.rapport.care.internal;

import dev.rapport.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a case stands. New (in a queue), assigned (someone works it), waiting on customer (we
 * answered and wait), resolved (we think it is solved; may still go back), closed (with an outcome;
 * final: a closed case is never reopened).
 */
enum CaseStatus {
  NEW,
  ASSIGNED,
  WAITING_ON_CUSTOMER,
  RESOLVED,
  CLOSED;

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  String label() {
    String s = key().replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  boolean isOpen() {
    return this != CLOSED;
  }

  static CaseStatus of(String key) {
    return CaseStatus.valueOf(key.toUpperCase(Locale.ROOT));
  }

  /** The status a user may set by hand; "closed" goes through closing, with an outcome. */
  static CaseStatus settable(String raw) {
    String key = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    if (key.equals("closed")) {
      throw InvalidInputException.of(
          "status", "close a case with an outcome (resolved_happy, resolved_unhappy, no_answer)");
    }
    return Arrays.stream(values())
        .filter(s -> s != CLOSED && s.key().equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                InvalidInputException.of(
                    "status",
                    "'"
                        + (raw == null ? "" : raw)
                        + "' is not a status; expected new, assigned, waiting_on_customer or"
                        + " resolved"));
  }
}
