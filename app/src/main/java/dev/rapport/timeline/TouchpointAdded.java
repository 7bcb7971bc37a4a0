package dev.rapport.timeline;

import dev.rapport.people.PersonId;
import java.time.Instant;

/**
 * Published in the appender's transaction when {@link Timeline#append} stored a new touchpoint for
 * a person, so features that react to contact (lead scores, keep-in-touch cadences) hear of it.
 * Bulk appends from ingest do not publish it: their producers publish their own events.
 */
public record TouchpointAdded(
    long touchpointId,
    PersonId person,
    TouchpointKind kind,
    Direction direction,
    Instant occurredAt) {}
