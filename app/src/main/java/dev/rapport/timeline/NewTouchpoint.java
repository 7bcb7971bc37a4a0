package dev.rapport.timeline;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A touchpoint to append. It concerns a person, an account or both. {@code direction} may be null
 * for internal events (notes, stage changes); amount, margin and currency are for orders, invoices
 * and deal events. The timeline validates it and names each refused field.
 */
public record NewTouchpoint(
    PersonId person,
    AccountId account,
    TouchpointKind kind,
    String channel,
    Direction direction,
    Instant occurredAt,
    Long byUserId,
    String byName,
    String summary,
    SourceRef source,
    BigDecimal amount,
    BigDecimal margin,
    String currency) {

  /** The longest summary the timeline keeps; producers cut longer text to this. */
  public static final int MAX_SUMMARY = 4000;

  /** The text cut to {@link #MAX_SUMMARY} characters, for producers' summaries. */
  public static String clip(String summary) {
    return summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary;
  }

  /** A touchpoint without money. */
  public static NewTouchpoint of(
      PersonId person,
      AccountId account,
      TouchpointKind kind,
      String channel,
      Direction direction,
      Instant occurredAt,
      String byName,
      String summary,
      SourceRef source) {
    return new NewTouchpoint(
        person,
        account,
        kind,
        channel,
        direction,
        occurredAt,
        null,
        byName,
        summary,
        source,
        null,
        null,
        null);
  }
}
