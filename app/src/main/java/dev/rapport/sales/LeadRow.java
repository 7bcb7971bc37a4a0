package dev.rapport.sales;

import dev.rapport.people.PersonId;
import java.time.Instant;

/** One lead in a list: the person, their stage, owner, source and latest score. */
public record LeadRow(
    PersonId person,
    String name,
    String stage,
    Long ownerUserId,
    LeadSource source,
    String sourceDetail,
    int score,
    int fit,
    int engagement,
    int intent,
    Instant lastIntentAt,
    Instant crossedAt,
    String crossedStage) {}
