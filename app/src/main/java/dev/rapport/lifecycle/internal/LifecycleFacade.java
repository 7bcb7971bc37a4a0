package dev.rapport.lifecycle.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.LifecycleModel;
import dev.rapport.lifecycle.ProductLine;
import dev.rapport.lifecycle.Stage;
import dev.rapport.lifecycle.StageChange;
import dev.rapport.lifecycle.StageChanged;
import dev.rapport.lifecycle.StageCount;
import dev.rapport.lifecycle.StageSpell;
import dev.rapport.lifecycle.internal.LifecycleStore.ChangeRow;
import dev.rapport.people.PersonId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appends stage changes, answers the stage queries and announces every change. */
@Service
@Transactional
class LifecycleFacade implements Lifecycle {

  static final int MAX_WHY = 1000;

  private final LifecycleStore store;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final Timeline timeline;
  private final Clock clock;

  LifecycleFacade(
      LifecycleStore store, ApplicationEventPublisher events, AuditLog audit, Timeline timeline) {
    this.store = store;
    this.events = events;
    this.audit = audit;
    this.timeline = timeline;
    this.clock = Clock.systemUTC();
  }

  @Override
  public StageChange move(
      PersonId person, long productLineId, long toStageId, ChangedBy by, String why) {
    return append(person, productLineId, toStageId, by, why, null);
  }

  @Override
  public StageChange moveAt(
      PersonId person, long productLineId, long toStageId, ChangedBy by, String why, Instant at) {
    Objects.requireNonNull(at, "at");
    return append(person, productLineId, toStageId, by, why, at);
  }

  /** Appends a change at {@code given}, or at the moment the person's lock is held when null. */
  private StageChange append(
      PersonId person,
      long productLineId,
      long toStageId,
      ChangedBy by,
      String why,
      Instant given) {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(by, "by");
    Map<Long, Stage> stages = store.stagesById();
    Map<Long, ProductLine> lines = store.productLines();
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    if (!lines.containsKey(productLineId)) {
      errors.add(field("productLineId", "there is no product line " + productLineId));
    }
    Stage to = stages.get(toStageId);
    LifecycleModel active = activeModel();
    if (to == null) {
      errors.add(field("stageId", "there is no stage " + toStageId));
    } else if (to.modelId() != active.id()) {
      errors.add(
          field(
              "stageId",
              "stage '" + to.name() + "' is not in the active model '" + active.name() + "'"));
    }
    String reason = why == null || why.isBlank() ? null : why.strip();
    if (reason != null && reason.length() > MAX_WHY) {
      errors.add(field("why", "is longer than " + MAX_WHY + " characters"));
    }
    if (by.name().length() > 200) {
      errors.add(field("by", "name is longer than 200 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    store.lock(person, productLineId);
    // taken after the lock, so concurrent moves are stamped in the order they were appended
    Instant at = (given == null ? clock.instant() : given).truncatedTo(ChronoUnit.MICROS);
    ChangeRow current = store.latest(person, productLineId).orElse(null);
    if (current != null && current.toStageId() == toStageId) {
      throw InvalidInputException.of(
          "stageId", "the person is already in stage '" + to.name() + "' for this product line");
    }
    Long from = current == null ? null : current.toStageId();
    long id = store.appendChange(person, productLineId, from, toStageId, at, by, reason);
    StageChange change =
        new StageChange(
            id,
            person,
            lines.get(productLineId),
            from == null ? null : stages.get(from),
            to,
            at,
            by,
            reason,
            null);
    audit.record("stage_change", id, AuditLog.Action.CREATE, null, change);
    // the history row and its trace on the timeline are stored together or not at all
    timeline.append(touchpoint(change));
    events.publishEvent(
        new StageChanged(id, person, change.productLine(), change.from(), to, at, by, reason));
    return change;
  }

  static final String STAGE_SOURCE = "lifecycle.stage_change";

  private static NewTouchpoint touchpoint(StageChange change) {
    String summary =
        change.productLine().name()
            + ": "
            + (change.from() == null ? "entered " : change.from().name() + " → ")
            + change.to().name()
            + (change.why() == null ? "" : " — " + change.why());
    return NewTouchpoint.of(
        change.person(),
        null,
        TouchpointKind.STAGE_CHANGE,
        "lifecycle",
        null,
        change.at(),
        change.by().name(),
        NewTouchpoint.clip(summary),
        new SourceRef(STAGE_SOURCE, Long.toString(change.id()), null));
  }

  @Override
  @Transactional(readOnly = true)
  public LifecycleModel activeModel() {
    return store.models().stream()
        .filter(LifecycleModel::active)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no active lifecycle model"));
  }

  @Override
  @Transactional(readOnly = true)
  public List<LifecycleModel> models() {
    return store.models();
  }

  @Override
  @Transactional(readOnly = true)
  public List<ProductLine> productLines() {
    return List.copyOf(store.productLines().values());
  }

  @Override
  @Transactional(readOnly = true)
  public List<CurrentStage> currentStages(PersonId person) {
    Map<Long, Stage> stages = store.stagesById();
    Map<Long, ProductLine> lines = store.productLines();
    return store.latest(person).stream()
        .map(r -> new CurrentStage(lines.get(r.productLineId()), stages.get(r.toStageId()), r.at()))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<StageChange> history(PersonId person) {
    Map<Long, Stage> stages = store.stagesById();
    Map<Long, ProductLine> lines = store.productLines();
    return store.history(person, null).stream()
        .sorted(Comparator.comparing(ChangeRow::at).thenComparing(ChangeRow::id).reversed())
        .map(r -> store.toChange(r, stages, lines))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<StageSpell> spells(PersonId person, long productLineId, Instant asOf) {
    Map<Long, Stage> stages = store.stagesById();
    List<ChangeRow> rows = store.history(person, productLineId);
    List<StageSpell> spells = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      ChangeRow row = rows.get(i);
      Instant exited = i + 1 < rows.size() ? rows.get(i + 1).at() : null;
      Instant end = exited == null ? asOf : exited;
      Duration stay = end.isBefore(row.at()) ? Duration.ZERO : Duration.between(row.at(), end);
      spells.add(new StageSpell(stages.get(row.toStageId()), row.at(), exited, stay));
    }
    return spells;
  }

  @Override
  @Transactional(readOnly = true)
  public List<StageCount> counts(long productLineId) {
    if (!store.productLines().containsKey(productLineId)) {
      throw InvalidInputException.of("productLineId", "there is no product line " + productLineId);
    }
    Map<Long, Long> counts = store.currentCounts(productLineId);
    return activeModel().stages().stream()
        .map(s -> new StageCount(s, counts.getOrDefault(s.id(), 0L)))
        .toList();
  }

  private static InvalidInputException.FieldError field(String field, String reason) {
    return new InvalidInputException.FieldError(field, reason);
  }
}
