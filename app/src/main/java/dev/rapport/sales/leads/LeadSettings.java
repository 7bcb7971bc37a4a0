package dev.rapport.sales.leads;

import dev.rapport.access.AuditLog;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.LifecycleModel;
import dev.rapport.lifecycle.Stage;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editable scoring settings: half-lives and the thresholds on the active model's stages.
 * Refused input names each field; a change is audited with its old and new values.
 */
@Service
class LeadSettings {

  static final int MAX_HALF_LIFE = 3650;

  /** One threshold as shown and edited: a stage of the active model and the score it needs. */
  record ThresholdView(long stageId, String stageName, int position, Integer minScore) {}

  /** What the settings page and API show and accept. */
  record View(int engagementHalfLifeDays, int intentHalfLifeDays, List<ThresholdView> thresholds) {}

  private final LeadStore store;
  private final LeadScoring scoring;
  private final Lifecycle lifecycle;
  private final AuditLog audit;

  LeadSettings(LeadStore store, LeadScoring scoring, Lifecycle lifecycle, AuditLog audit) {
    this.store = store;
    this.scoring = scoring;
    this.lifecycle = lifecycle;
    this.audit = audit;
  }

  /** Every stage of the active model, with its threshold where one is set. */
  @Transactional(readOnly = true)
  View view() {
    LifecycleModel model = lifecycle.activeModel();
    Map<Long, Thresholds.Threshold> set =
        scoring.thresholds(model).stream()
            .collect(Collectors.toMap(Thresholds.Threshold::stageId, Function.identity()));
    ScoreArithmetic.HalfLives h = store.halfLives();
    return new View(
        h.engagementDays(),
        h.intentDays(),
        model.stages().stream()
            .map(
                s ->
                    new ThresholdView(
                        s.id(),
                        s.name(),
                        s.position(),
                        set.containsKey(s.id()) ? set.get(s.id()).minScore() : null))
            .toList());
  }

  /**
   * Replaces the settings. Thresholds name stages of the active model (a stage left out has none);
   * each needs 1 to 100 and a later stage may not need less than an earlier one.
   */
  @Transactional
  View save(View next) {
    List<FieldError> errors = new ArrayList<>();
    halfLife(errors, "engagementHalfLifeDays", next.engagementHalfLifeDays());
    halfLife(errors, "intentHalfLifeDays", next.intentHalfLifeDays());
    LifecycleModel model = lifecycle.activeModel();
    Map<Long, Stage> stages =
        model.stages().stream().collect(Collectors.toMap(Stage::id, Function.identity()));
    Set<Long> seen = new HashSet<>();
    List<ThresholdView> given = next.thresholds() == null ? List.of() : next.thresholds();
    for (int i = 0; i < given.size(); i++) {
      ThresholdView t = given.get(i);
      String at = "thresholds[" + i + "].";
      if (!stages.containsKey(t.stageId())) {
        errors.add(new FieldError(at + "stageId", "is not a stage of the active model"));
      } else if (!seen.add(t.stageId())) {
        errors.add(new FieldError(at + "stageId", "is given twice"));
      }
      if (t.minScore() != null && (t.minScore() < 1 || t.minScore() > 100)) {
        errors.add(new FieldError(at + "minScore", "must be between 1 and 100"));
      }
    }
    if (errors.isEmpty()) {
      List<ThresholdView> ordered =
          given.stream()
              .filter(t -> t.minScore() != null)
              .sorted(Comparator.comparingInt(t -> stages.get(t.stageId()).position()))
              .toList();
      for (int i = 1; i < ordered.size(); i++) {
        if (ordered.get(i).minScore() < ordered.get(i - 1).minScore()) {
          errors.add(
              new FieldError(
                  "thresholds[" + given.indexOf(ordered.get(i)) + "].minScore",
                  "a later stage may not need less than "
                      + stages.get(ordered.get(i - 1).stageId()).name()
                      + " ("
                      + ordered.get(i - 1).minScore()
                      + ")"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    View old = view();
    store.saveSettings(next.engagementHalfLifeDays(), next.intentHalfLifeDays());
    Map<Long, Integer> wanted = new java.util.HashMap<>();
    given.forEach(t -> wanted.put(t.stageId(), t.minScore()));
    for (Stage s : model.stages()) {
      store.replaceThreshold(s.id(), wanted.get(s.id()));
    }
    View saved = view();
    audit.record("lead_settings", 1, AuditLog.Action.UPDATE, old, saved);
    return saved;
  }

  private static void halfLife(List<FieldError> errors, String field, int days) {
    if (days < 1 || days > MAX_HALF_LIFE) {
      errors.add(new FieldError(field, "give 1 to " + MAX_HALF_LIFE + " days"));
    }
  }
}
