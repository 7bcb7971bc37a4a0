package dev.rapport.lifecycle;

import dev.rapport.people.PersonId;
import java.time.Instant;

/**
 * Published in the mover's transaction whenever a person enters a stage. {@code fromStage} is null
 * for a person's first stage in the product line.
 */
public record StageChanged(
    long changeId,
    PersonId person,
    ProductLine productLine,
    Stage fromStage,
    Stage toStage,
    Instant at,
    ChangedBy by,
    String why) {}
