package dev.rapport.sales.leads;

import dev.rapport.access.Actors;
import dev.rapport.access.RecordVisibility;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.LifecycleModel;
import dev.rapport.lifecycle.Stage;
import dev.rapport.people.PersonId;
import dev.rapport.people.Persons;
import dev.rapport.sales.LeadRow;
import dev.rapport.sales.LeadScore;
import dev.rapport.sales.LeadScoreChange;
import dev.rapport.sales.LeadSource;
import dev.rapport.sales.Leads;
import dev.rapport.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers {@link Leads}: lists filtered by record visibility, scores and their history. */
@Service
class LeadsFacade implements Leads {

  static final int MAX_LIMIT = 500;

  private final LeadStore store;
  private final LeadScoring scoring;
  private final Lifecycle lifecycle;
  private final Persons persons;
  private final Actors actors;
  private final RecordVisibility visibility;

  LeadsFacade(
      LeadStore store,
      LeadScoring scoring,
      Lifecycle lifecycle,
      Persons persons,
      Actors actors,
      RecordVisibility visibility) {
    this.store = store;
    this.scoring = scoring;
    this.lifecycle = lifecycle;
    this.persons = persons;
    this.actors = actors;
    this.visibility = visibility;
  }

  @Override
  @Transactional(readOnly = true)
  public List<LeadRow> list(Sort sort, int limit) {
    String order =
        sort == Sort.INTENT ? "last_intent_at desc nulls last, score desc" : "score desc";
    return rows(order, null, limit);
  }

  @Override
  @Transactional(readOnly = true)
  public List<LeadRow> crossedSince(Instant since, int limit) {
    return rows("crossed_at desc", since, limit);
  }

  private List<LeadRow> rows(String order, Instant crossedSince, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
    }
    LifecycleModel model = lifecycle.activeModel();
    List<Thresholds.Threshold> thresholds = scoring.thresholds(model);
    Map<Long, Stage> stages =
        model.stages().stream().collect(Collectors.toMap(Stage::id, Function.identity()));
    Set<Long> leadStages =
        model.stages().stream()
            .filter(s -> LeadScoring.isLeadStage(s, thresholds))
            .map(Stage::id)
            .collect(Collectors.toSet());
    Optional<Set<Long>> owners = visibility.visibleOwners(actors.current(), "person");
    return store.list(leadStages, owners, order, crossedSince, limit).stream()
        .flatMap(
            r ->
                persons.find(r.person()).stream()
                    .map(
                        p ->
                            new LeadRow(
                                r.person(),
                                p.name(),
                                name(stages, r.stage()),
                                r.ownerUserId(),
                                r.source(),
                                r.sourceDetail(),
                                r.score(),
                                r.fit(),
                                r.engagement(),
                                r.intent(),
                                r.lastIntentAt(),
                                r.crossedAt(),
                                name(stages, r.crossedStage()))))
        .toList();
  }

  private static String name(Map<Long, Stage> stages, String id) {
    if (id == null) {
      return null;
    }
    Stage s = stages.get(Long.parseLong(id));
    return s == null ? null : s.name();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<LeadScore> score(PersonId person) {
    return store.latest(person);
  }

  @Override
  @Transactional(readOnly = true)
  public List<LeadScoreChange> history(PersonId person, int limit) {
    return store.history(person, Math.max(1, Math.min(limit, MAX_LIMIT)));
  }

  @Override
  @Transactional
  public LeadScore rescore(PersonId person, String cause) {
    return scoring
        .rescore(person, cause, LeadSource.MANUAL, null)
        .orElseThrow(() -> new dev.rapport.shared.NotFoundException("person", person.value()));
  }
}
