package dev.rapport.sales;

import dev.rapport.people.PersonId;
import java.time.Instant;

/**
 * Published when a person's score crossed a threshold and moved them into a stage, in the same
 * transaction as the lifecycle move; {@code why} is the text written to the lifecycle history.
 */
public record LeadStageReached(
    PersonId person,
    long stageId,
    String stageName,
    int score,
    int threshold,
    String why,
    Instant at) {}
