package dev.rapport.sales;

import dev.rapport.people.PersonId;
import java.time.Instant;

/**
 * A person due for a touch: their cadence in days, the last touch (null: never), when the next one
 * was due, and whether that is already past today.
 */
public record KeepInTouchDue(
    PersonId person,
    String name,
    int everyDays,
    Instant lastTouchAt,
    Instant dueAt,
    boolean overdue) {}
