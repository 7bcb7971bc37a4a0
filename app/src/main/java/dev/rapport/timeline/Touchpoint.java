package dev.rapport.timeline;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.math.BigDecimal;
import java.time.Instant;

/** A stored touchpoint. {@code mergedFrom} names the person it belonged to before a merge. */
public record Touchpoint(
    long id,
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
    String currency,
    PersonId mergedFrom) {}
