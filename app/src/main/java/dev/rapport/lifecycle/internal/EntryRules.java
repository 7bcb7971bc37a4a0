package dev.rapport.lifecycle.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.lifecycle.LifecycleModel;
import dev.rapport.lifecycle.Stage;
import dev.rapport.people.PersonCreated.Origin;
import dev.rapport.shared.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's entry rules: per origin of a new person, whether they enter the lifecycle and at
 * which stage. Without a chosen stage, the ICP fit picks the stage: see {@link #automatic}.
 */
@Service
class EntryRules {

  /** One origin's rule; {@code stageId} null means automatic. */
  record Rule(Origin origin, boolean enters, Long stageId) {}

  private final JdbcClient jdbc;
  private final LifecycleFacade lifecycle;
  private final AuditLog audit;

  EntryRules(JdbcClient jdbc, LifecycleFacade lifecycle, AuditLog audit) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<Rule> all() {
    return jdbc.sql("select origin, enters, stage_id from lifecycle_entry order by origin")
        .query(
            (rs, n) ->
                new Rule(
                    Origin.valueOf(rs.getString(1)),
                    rs.getBoolean(2),
                    rs.getObject(3) == null ? null : rs.getLong(3)))
        .list();
  }

  @Transactional(readOnly = true)
  Rule rule(Origin origin) {
    return all().stream()
        .filter(r -> r.origin() == origin)
        .findFirst()
        .orElse(new Rule(origin, true, null));
  }

  /** Replaces one origin's rule; a chosen stage must be in the active model. */
  @Transactional
  Rule set(Origin origin, boolean enters, Long stageId) {
    LifecycleModel active = lifecycle.activeModel();
    if (stageId != null && active.stages().stream().noneMatch(s -> s.id() == stageId)) {
      throw InvalidInputException.of(
          "stageId",
          "there is no stage " + stageId + " in the active model '" + active.name() + "'");
    }
    Rule old = rule(origin);
    Rule next = new Rule(origin, enters, stageId);
    int updated =
        jdbc.sql("update lifecycle_entry set enters = :e, stage_id = :s where origin = :o")
            .param("e", enters)
            .param("s", stageId)
            .param("o", origin.name())
            .update();
    if (updated == 0) {
      jdbc.sql("insert into lifecycle_entry (origin, enters, stage_id) values (:o, :e, :s)")
          .param("o", origin.name())
          .param("e", enters)
          .param("s", stageId)
          .update();
    }
    audit.record("lifecycle_entry", origin.name(), AuditLog.Action.UPDATE, old, next);
    return next;
  }

  /**
   * The stage a new person of this origin enters, or empty when they do not enter. {@code fits}
   * (the ICP fit) is asked only when the automatic choice needs it.
   */
  Optional<Stage> entryStage(Origin origin, java.util.function.Supplier<Boolean> fits) {
    Rule rule = rule(origin);
    if (!rule.enters()) {
      return Optional.empty();
    }
    List<Stage> stages = lifecycle.activeModel().stages();
    if (rule.stageId() != null) {
      Optional<Stage> chosen = stages.stream().filter(s -> s.id() == rule.stageId()).findFirst();
      if (chosen.isPresent()) {
        return chosen;
      }
      // the chosen stage belongs to a model that is no longer active: fall back to automatic
    }
    return automatic(stages, Boolean.TRUE.equals(fits.get()));
  }

  /**
   * The automatic entry: a person who fits the ICP enters the model's prospect stage ("Prospect",
   * "Prospects", "Identify Prospects"), one who does not enters its "Suspect" stage; where the
   * model has no such stage, its first stage (Awareness on the circle, Unaware on the hierarchy of
   * effects). So on the shipped circle a fitting author starts as a Prospect and anyone else in
   * Awareness.
   */
  static Optional<Stage> automatic(List<Stage> stages, boolean fits) {
    Optional<Stage> chosen =
        fits
            ? stages.stream().filter(s -> isProspect(s.name())).findFirst()
            : named(stages, "suspect");
    return chosen.or(() -> stages.stream().findFirst());
  }

  private static boolean isProspect(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return n.equals("prospect") || n.equals("prospects") || n.endsWith(" prospects");
  }

  private static Optional<Stage> named(List<Stage> stages, String name) {
    return stages.stream()
        .filter(s -> s.name().strip().toLowerCase(Locale.ROOT).equals(name))
        .findFirst();
  }
}
