package dev.rapport.sales.inbox;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.List;

/**
 * An inbox item as stored. {@code readings} are the actionable readings' keys; {@code slaReading}
 * is the one whose SLA set {@code dueAt} (the strictest). Breached means no first response by the
 * due time while the item is still open.
 */
record Item(
    long id,
    long mentionId,
    PersonId person,
    String network,
    String language,
    List<String> readings,
    String slaReading,
    boolean caution,
    List<String> ruleIds,
    Status status,
    Long assigneeUserId,
    Long teamId,
    Long routeId,
    Instant snoozedUntil,
    Instant createdAt,
    Instant dueAt,
    Instant firstResponseAt,
    Long responseMinutes,
    Instant doneAt) {

  Item {
    readings = List.copyOf(readings);
    ruleIds = List.copyOf(ruleIds);
  }

  /** New, assigned, or snoozed until a time that has come. */
  boolean isWaiting(Instant now) {
    return status == Status.NEW
        || status == Status.ASSIGNED
        || (status == Status.SNOOZED && !snoozedUntil.isAfter(now));
  }

  /** Waiting and past its due time without a first response. */
  boolean isBreached(Instant now) {
    return firstResponseAt == null && isWaiting(now) && now.isAfter(dueAt);
  }
}
