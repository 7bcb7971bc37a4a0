package dev.rapport.sales.leads;

import dev.rapport.engine.read.IntentSignal;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.LifecycleModel;
import dev.rapport.lifecycle.Stage;
import dev.rapport.people.IcpFit;
import dev.rapport.people.IdealCustomers;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.sales.LeadScore;
import dev.rapport.sales.LeadScorePart;
import dev.rapport.sales.LeadSource;
import dev.rapport.sales.LeadStageReached;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes a person's score from what the other features know (fit, the timeline, their posts'
 * readings), appends a row when it changed, and moves them forward when a threshold is reached.
 * Idempotent: scores are computed as of the hour, so a redelivered event finds nothing changed and
 * the person already in the stage.
 */
@Service
class LeadScoring {

  /** The mover the lifecycle history names for threshold moves. */
  static final ChangedBy BY = ChangedBy.rule("lead score");

  static final int TOUCHPOINTS = 200;
  static final int POSTS = 100;

  private static final Logger log = LoggerFactory.getLogger(LeadScoring.class);

  private final LeadStore store;
  private final IdealCustomers icp;
  private final Persons persons;
  private final Timeline timeline;
  private final PostReadings readings;
  private final Lifecycle lifecycle;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LeadScoring(
      LeadStore store,
      IdealCustomers icp,
      Persons persons,
      Timeline timeline,
      PostReadings readings,
      Lifecycle lifecycle,
      ApplicationEventPublisher events) {
    this.store = store;
    this.icp = icp;
    this.persons = persons;
    this.timeline = timeline;
    this.readings = readings;
    this.lifecycle = lifecycle;
    this.events = events;
    this.clock = Clock.systemUTC();
  }

  /** The score as the stored inputs give it now, without storing anything. */
  @Transactional(readOnly = true)
  public Optional<LeadScore> compute(PersonId person, Instant asOf) {
    Optional<IcpFit> fit = icp.fit(person);
    if (fit.isEmpty()) {
      return Optional.empty();
    }
    List<ScoreArithmetic.IntentSeen> intents = new ArrayList<>();
    for (PostReadings.ReadPost p : readings.byPerson(person, POSTS)) {
      for (IntentSignal s : p.reading().intents()) {
        intents.add(
            new ScoreArithmetic.IntentSeen(
                p.post().id(),
                p.post().network(),
                s.intent(),
                s.confidence(),
                s.target(),
                p.post().createdAt()));
      }
    }
    return Optional.of(
        ScoreArithmetic.score(
            person,
            fit.get(),
            timeline.forPerson(person, TouchpointFilter.firstPage(TOUCHPOINTS)).items(),
            intents,
            store.halfLives(),
            asOf));
  }

  /**
   * Recomputes, appends the score if it changed and moves the person when a threshold is reached.
   * Empty when the person no longer exists.
   */
  @Transactional
  public Optional<LeadScore> rescore(
      PersonId person, String cause, LeadSource source, String sourceDetail) {
    Instant now = clock.instant();
    if (icp.fit(person).isEmpty()) {
      return Optional.empty(); // deleted, or never there
    }
    store.lock(person, source, sourceDetail, now);
    Optional<LeadScore> computed = compute(person, now.truncatedTo(ChronoUnit.HOURS));
    if (computed.isEmpty()) {
      return Optional.empty();
    }
    LeadScore score = computed.get();
    if (store.latest(person).map(prev -> changed(prev, score)).orElse(true)) {
      store.append(score, cause);
    }
    long line = productLine();
    LifecycleModel model = lifecycle.activeModel();
    Optional<Stage> current = currentStage(person, line);
    Long owner = persons.find(person).map(PersonSummary::ownerUserId).orElse(null);
    store.update(score, owner, current.map(Stage::id).orElse(null), now);
    Optional<Thresholds.Threshold> earned =
        Thresholds.earned(thresholds(model), current.map(Stage::position).orElse(0), score.total());
    if (earned.isPresent()) {
      move(person, line, earned.get(), score, now);
    }
    return Optional.of(score);
  }

  private void move(
      PersonId person, long line, Thresholds.Threshold t, LeadScore score, Instant now) {
    String why = Thresholds.why(score.total(), t, score.headline());
    try {
      lifecycle.move(person, line, t.stageId(), BY, why);
    } catch (InvalidInputException e) {
      // a concurrent move got there first; the next score sees where the person stands
      log.info("lead score could not move person {}: {}", person, e.getMessage());
      return;
    }
    store.crossed(person, t.stageId(), now);
    events.publishEvent(
        new LeadStageReached(
            person, t.stageId(), t.stageName(), score.total(), t.minScore(), why, now));
  }

  long productLine() {
    Long configured = store.productLineId();
    return configured != null ? configured : lifecycle.productLines().get(0).id();
  }

  Optional<Stage> currentStage(PersonId person, long line) {
    return lifecycle.currentStages(person).stream()
        .filter(c -> c.productLine().id() == line)
        .map(CurrentStage::stage)
        .findFirst();
  }

  /** The configured thresholds on the active model's stages, with their positions. */
  List<Thresholds.Threshold> thresholds(LifecycleModel model) {
    Map<Long, Integer> min = new HashMap<>();
    store.thresholds().forEach(t -> min.put(t[0], (int) t[1]));
    return model.stages().stream()
        .filter(s -> min.containsKey(s.id()))
        .map(s -> new Thresholds.Threshold(s.id(), s.name(), s.position(), min.get(s.id())))
        .toList();
  }

  /** Lead stages: those a threshold leads to, and every consideration stage of the model. */
  static boolean isLeadStage(Stage stage, List<Thresholds.Threshold> thresholds) {
    return stage.countsAs() == CountsAs.CONSIDERATION
        || thresholds.stream().anyMatch(t -> t.stageId() == stage.id());
  }

  /** A change of total, of a part, or of the records behind the reasons. */
  static boolean changed(LeadScore before, LeadScore after) {
    if (before.total() != after.total()) {
      return true;
    }
    for (int i = 0; i < 3; i++) {
      LeadScorePart a = before.parts().get(i);
      LeadScorePart b = after.parts().get(i);
      if (a.points() != b.points() || !Objects.equals(records(a), records(b))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> records(LeadScorePart part) {
    return part.reasons().stream()
        .filter(r -> r.recordId() != null)
        .map(r -> r.recordType() + ":" + r.recordId())
        .sorted()
        .toList();
  }
}
