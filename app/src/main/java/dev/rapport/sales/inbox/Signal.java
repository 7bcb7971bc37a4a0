package dev.rapport.sales.inbox;

import dev.rapport.listening.MentionDetails;
import java.util.Locale;
import java.util.Optional;

/**
 * The readings that make a mention worth an answer, each with its own SLA. A life event counts only
 * when it is a trigger; a caution (illness, layoffs) never makes an item on its own.
 */
enum Signal {
  COMPLAINT,
  BUYING,
  SWITCHING,
  QUESTION,
  PRAISE,
  LIFE_EVENT;

  /** The key used in settings, the API and the database: "buying", "life_event". */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "Buying signal", "Life event" for people. */
  String label() {
    return switch (this) {
      case BUYING -> "Buying signal";
      case LIFE_EVENT -> "Life event";
      default -> name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    };
  }

  static Optional<Signal> of(MentionDetails.Reading r) {
    if (r.kind().equals("event")) {
      return r.caution() ? Optional.empty() : Optional.of(LIFE_EVENT);
    }
    return switch (r.name()) {
      case "BUYING" -> Optional.of(BUYING);
      case "SWITCHING" -> Optional.of(SWITCHING);
      case "COMPLAINT" -> Optional.of(COMPLAINT);
      case "QUESTION" -> Optional.of(QUESTION);
      case "PRAISE" -> Optional.of(PRAISE);
      default -> Optional.empty();
    };
  }

  static Optional<Signal> byKey(String key) {
    for (Signal s : values()) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
