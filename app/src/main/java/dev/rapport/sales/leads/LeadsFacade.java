package dev.rapport.sales.leads;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.RecordVisibility;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.LifecycleModel;
import dev.rapport.lifecycle.Stage;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.sales.LeadMade;
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
    List<LeadRow> found = store.list(leadStages, owners, order, crossedSince, limit);
    Map<PersonId, PersonSummary> visible =
        persons.findAll(found.stream().map(LeadRow::person).toList());
    return found.stream()
        .filter(r -> visible.containsKey(r.person()))
        .map(
            r ->
                new LeadRow(
                    r.person(),
                    visible.get(r.person()).name(),
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
                    name(stages, r.crossedStage())))
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

  @Override
  @Transactional
  public LeadMade makeLead(PersonId person, LeadSource source, String sourceDetail, String why) {
    if (persons.find(person).isEmpty()) {
      throw new dev.rapport.shared.NotFoundException("person", person.value());
    }
    LifecycleModel model = lifecycle.activeModel();
    Stage target = leadStage(model, scoring.thresholds(model));
    long line = scoring.productLine();
    Optional<Stage> current = scoring.currentStage(person, line);
    if (current.isPresent() && current.get().position() >= target.position()) {
      throw InvalidInputException.of(
          "person",
          "already stands in "
              + current.get().name()
              + ", at or past the lead stage "
              + target.name());
    }
    store.source(person, source, sourceDetail, Instant.now());
    Actor actor = actors.current();
    ChangedBy by = actor.userId() == null ? ChangedBy.rule("inbox") : ChangedBy.user(actor.name());
    lifecycle.move(person, line, target.id(), by, why);
    return new LeadMade(person, target.id(), target.name(), source);
  }

  /** The stage named like "lead" among the lead stages, else the first lead stage. */
  static Stage leadStage(LifecycleModel model, List<Thresholds.Threshold> thresholds) {
    List<Stage> leads =
        model.stages().stream().filter(s -> LeadScoring.isLeadStage(s, thresholds)).toList();
    if (leads.isEmpty()) {
      throw InvalidInputException.of(
          "person", "the active lifecycle model " + model.name() + " has no lead stage");
    }
    return leads.stream()
        .filter(s -> s.name().toLowerCase(java.util.Locale.ROOT).contains("lead"))
        .findFirst()
        .orElse(leads.get(0));
  }
}
