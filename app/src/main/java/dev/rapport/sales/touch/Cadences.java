package dev.rapport.sales.touch;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.AuditLog;
import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.Stage;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every cadence's next due date current: a person's own cadence or their stage's, reset by
 * any touchpoint (stage changes are bookkeeping, not contact) and put off by recorded snoozes.
 */
@Service
class Cadences {

  static final int MAX_DAYS = 3650;
  static final int MAX_SNOOZE_DAYS = 365;
  static final int MAX_REASON = 500;

  private final TouchStore store;
  private final Persons persons;
  private final Timeline timeline;
  private final Lifecycle lifecycle;
  private final Actors actors;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  Cadences(
      TouchStore store,
      Persons persons,
      Timeline timeline,
      Lifecycle lifecycle,
      Actors actors,
      AuditLog audit) {
    this.store = store;
    this.persons = persons;
    this.timeline = timeline;
    this.lifecycle = lifecycle;
    this.actors = actors;
    this.audit = audit;
  }

  /** Sets the person's own cadence in days; null clears it, leaving their stage's if any. */
  @Transactional
  TouchStore.Row setCadence(PersonId person, Integer days) {
    if (days != null && (days < 1 || days > MAX_DAYS)) {
      throw InvalidInputException.of("everyDays", "give 1 to " + MAX_DAYS + " days, or none");
    }
    Instant now = clock.instant();
    TouchStore.Row before = store.lock(person, now);
    TouchStore.Row after = refresh(with(before, days, before.snoozedUntil()), now);
    audit.record("touch_cadence", person.value(), AuditLog.Action.UPDATE, before, after);
    return after;
  }

  /** Puts the person off for some days, with a reason, recorded in the snooze history. */
  @Transactional
  TouchStore.Row snooze(PersonId person, Integer days, String reason) {
    if (days == null || days < 1 || days > MAX_SNOOZE_DAYS) {
      throw InvalidInputException.of("days", "give 1 to " + MAX_SNOOZE_DAYS + " days");
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > MAX_REASON) {
      throw InvalidInputException.of("reason", "is longer than " + MAX_REASON + " characters");
    }
    Instant now = clock.instant();
    TouchStore.Row row = store.lock(person, now);
    // a person without a cadence may be snoozed too: the snooze holds once a cadence applies
    Instant until = Due.startOfDay(now).plus(Duration.ofDays(days));
    Actor actor = actors.current();
    store.recordSnooze(person, until, why, actor.userId(), actor.name(), now);
    return refresh(with(row, row.everyDays(), until), now);
  }

  /** A touch happened: the cadence restarts from it (only for persons with a keep-in-touch row). */
  @Transactional
  void touched(PersonId person, Instant at) {
    if (store.find(person).isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    TouchStore.Row row = store.lock(person, now);
    Instant last =
        row.lastTouchAt() == null || at.isAfter(row.lastTouchAt()) ? at : row.lastTouchAt();
    refresh(
        new TouchStore.Row(
            person,
            row.ownerUserId(),
            row.stageId(),
            row.everyDays(),
            last,
            row.snoozedUntil(),
            row.dueAt(),
            row.createdAt()),
        now);
  }

  /** The person entered a stage: its cadence applies to them unless they have their own. */
  @Transactional
  void staged(PersonId person, long stageId) {
    if (store.find(person).isEmpty() && !store.stageCadences().containsKey(stageId)) {
      return;
    }
    Instant now = clock.instant();
    TouchStore.Row row = store.lock(person, now);
    refresh(
        new TouchStore.Row(
            person,
            row.ownerUserId(),
            stageId,
            row.everyDays(),
            row.lastTouchAt(),
            row.snoozedUntil(),
            row.dueAt(),
            row.createdAt()),
        now);
  }

  /** Sets a stage's cadence (null clears it) and refreshes the persons known to stand there. */
  @Transactional
  void setStageCadence(long stageId, Integer days) {
    if (lifecycle.activeModel().stages().stream().noneMatch(s -> s.id() == stageId)) {
      throw InvalidInputException.of("stageId", "is not a stage of the active model");
    }
    if (days != null && (days < 1 || days > MAX_DAYS)) {
      throw InvalidInputException.of("everyDays", "give 1 to " + MAX_DAYS + " days, or none");
    }
    store.setStageCadence(stageId, days);
    Instant now = clock.instant();
    for (PersonId p : store.inStage(stageId)) {
      refresh(store.lock(p, now), now);
    }
  }

  static Integer effectiveDays(TouchStore.Row row, Map<Long, Integer> stageCadences) {
    if (row.everyDays() != null) {
      return row.everyDays();
    }
    return row.stageId() == null ? null : stageCadences.get(row.stageId());
  }

  private TouchStore.Row refresh(TouchStore.Row row, Instant now) {
    Long owner =
        persons.find(row.person()).map(PersonSummary::ownerUserId).orElse(row.ownerUserId());
    Long stage = row.stageId() != null ? row.stageId() : currentStage(row.person()).orElse(null);
    Instant last = row.lastTouchAt() != null ? row.lastTouchAt() : lastTouch(row.person());
    TouchStore.Row base =
        new TouchStore.Row(
            row.person(),
            owner,
            stage,
            row.everyDays(),
            last,
            row.snoozedUntil(),
            null,
            row.createdAt());
    Integer days = effectiveDays(base, store.stageCadences());
    Instant due = days == null ? null : Due.at(last, row.createdAt(), days, row.snoozedUntil());
    TouchStore.Row saved =
        new TouchStore.Row(
            row.person(),
            owner,
            stage,
            row.everyDays(),
            last,
            row.snoozedUntil(),
            due,
            row.createdAt());
    store.save(saved, now);
    return saved;
  }

  private Optional<Long> currentStage(PersonId person) {
    List<CurrentStage> stages = lifecycle.currentStages(person);
    long line = lifecycle.productLines().get(0).id();
    return stages.stream()
        .filter(c -> c.productLine().id() == line)
        .map(CurrentStage::stage)
        .map(Stage::id)
        .findFirst();
  }

  private Instant lastTouch(PersonId person) {
    EnumSet<TouchpointKind> contact = EnumSet.allOf(TouchpointKind.class);
    contact.remove(TouchpointKind.STAGE_CHANGE);
    List<Touchpoint> last =
        timeline
            .forPerson(person, new TouchpointFilter(contact, null, null, null, 0, 1, false))
            .items();
    return last.isEmpty() ? null : last.get(0).occurredAt();
  }

  private static TouchStore.Row with(TouchStore.Row r, Integer days, Instant snoozedUntil) {
    return new TouchStore.Row(
        r.person(),
        r.ownerUserId(),
        r.stageId(),
        days,
        r.lastTouchAt(),
        snoozedUntil,
        r.dueAt(),
        r.createdAt());
  }
}
