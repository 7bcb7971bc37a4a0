package dev.rapport.lifecycle;

import dev.rapport.people.PersonId;
import java.time.Instant;

/**
 * One appended row of a person's stage history. Stage names are the stages' current names, so a
 * renamed stage shows its new name in old rows too. {@code from} is null for the first stage.
 */
public record StageChange(
    long id,
    PersonId person,
    ProductLine productLine,
    Stage from,
    Stage to,
    Instant at,
    ChangedBy by,
    String why,
    PersonId mergedFrom) {}
