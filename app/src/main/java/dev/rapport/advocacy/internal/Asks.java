package dev.rapport.advocacy.internal;

import static dev.rapport.advocacy.internal.AdvocacyStore.instant;
import static dev.rapport.advocacy.internal.AdvocacyStore.utc;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.people.PersonId;
import dev.rapport.people.VisiblePersons;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.NotFoundException;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks: a user asks an advocate for a review, a referral or a quote, and later records how it
 * ended. The ask and its outcome are touchpoints on the advocate's timeline; a review done counts
 * towards the advocacy score.
 */
@Service
class Asks {

  enum Kind {
    REVIEW,
    REFERRAL,
    QUOTE
  }

  enum Outcome {
    DONE,
    DECLINED,
    NO_ANSWER
  }

  /** An ask as stored. */
  record Ask(
      long id,
      long person,
      Kind kind,
      String note,
      String askedBy,
      Instant askedAt,
      Outcome outcome,
      String outcomeNote,
      Instant outcomeAt) {}

  static final String SOURCE_ASK = "advocacy.ask";
  static final String SOURCE_OUTCOME = "advocacy.ask-outcome";

  private final JdbcClient jdbc;
  private final Timeline timeline;
  private final Actors actors;
  private final AdvocacyStore advocacy;
  private final AdvocacyScoring scoring;
  private final VisiblePersons visible;

  Asks(
      JdbcClient jdbc,
      Timeline timeline,
      Actors actors,
      AdvocacyStore advocacy,
      AdvocacyScoring scoring,
      VisiblePersons visible) {
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.actors = actors;
    this.advocacy = advocacy;
    this.scoring = scoring;
    this.visible = visible;
  }

  static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    List<String> allowed =
        java.util.Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .toList();
    if (value == null || value.isBlank()) {
      throw InvalidInputException.of(field, "is required: one of " + String.join(", ", allowed));
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(
          field, "'" + value + "' is not one of " + String.join(", ", allowed));
    }
  }

  static String note(String field, String note, List<FieldError> errors) {
    if (note == null || note.isBlank()) {
      return null;
    }
    String n = note.strip();
    if (n.length() > 1000) {
      errors.add(new FieldError(field, "at most 1000 characters"));
    }
    return n;
  }

  /**
   * Asks the person (an advocate, a candidate, or any customer the user chooses); the caller
   * checked that the person is visible and changeable.
   */
  @Transactional
  Ask ask(PersonId person, String kindName, String noteText) {
    Kind kind = parse(Kind.class, "kind", kindName);
    List<FieldError> errors = new ArrayList<>();
    String note = note("note", noteText, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Actor actor = actors.current();
    Instant now = AdvocacyScoring.now();
    jdbc.sql(
            "insert into advocacy_ask (person_id, kind, note, asked_by_user_id, asked_by_name,"
                + " asked_at) values (:p, :k, :n, :u, :b, :at)")
        .param("p", person.value())
        .param("k", kind.name())
        .param("n", note)
        .param("u", actor.userId())
        .param("b", actor.name())
        .param("at", utc(now))
        .update();
    long id =
        jdbc.sql("select max(id) from advocacy_ask where person_id = :p")
            .param("p", person.value())
            .query(Long.class)
            .single();
    timeline.append(
        new NewTouchpoint(
            person,
            null,
            TouchpointKind.NOTE,
            "advocacy",
            Direction.OUT,
            now,
            actor.userId(),
            author(actor),
            "asked for a " + word(kind) + (note == null ? "" : ": " + note),
            new SourceRef(SOURCE_ASK, Long.toString(id), null),
            null,
            null,
            null));
    return find(id).orElseThrow();
  }

  /** Records how the ask ended, once; the caller checked the person. */
  @Transactional
  Ask outcome(long askId, String outcomeName, String noteText) {
    Ask ask = find(askId).orElseThrow(() -> new NotFoundException("ask", askId));
    Outcome outcome = parse(Outcome.class, "outcome", outcomeName);
    List<FieldError> errors = new ArrayList<>();
    String note = note("note", noteText, errors);
    if (ask.outcome() != null) {
      errors.add(
          new FieldError(
              "outcome",
              "this ask ended already (" + ask.outcome().name().toLowerCase(Locale.ROOT) + ")"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Actor actor = actors.current();
    Instant now = AdvocacyScoring.now();
    jdbc.sql(
            "update advocacy_ask set outcome = :o, outcome_note = :n, outcome_at = :at"
                + " where id = :id and outcome is null")
        .param("o", outcome.name())
        .param("n", note)
        .param("at", utc(now))
        .param("id", askId)
        .update();
    PersonId person = new PersonId(ask.person());
    String what =
        switch (outcome) {
          case DONE -> word(ask.kind()) + " given";
          case DECLINED -> word(ask.kind()) + " declined";
          case NO_ANSWER -> "no answer to the " + word(ask.kind()) + " ask";
        };
    timeline.append(
        new NewTouchpoint(
            person,
            null,
            TouchpointKind.NOTE,
            "advocacy",
            Direction.IN,
            now,
            actor.userId(),
            author(actor),
            what + (note == null ? "" : ": " + note),
            new SourceRef(SOURCE_OUTCOME, Long.toString(askId), null),
            null,
            null,
            null));
    if (outcome == Outcome.DONE && ask.kind() == Kind.REVIEW) {
      advocacy.addSignal(
          person,
          Signal.Kind.REVIEW,
          "ask",
          Long.toString(askId),
          "wrote a review" + (note == null ? "" : ": " + note),
          now);
      scoring.rescore(person, "review " + askId);
    }
    return find(askId).orElseThrow();
  }

  static String word(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  Optional<Ask> find(long id) {
    return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(Asks::ask).optional();
  }

  /** Asks about persons the current user may see, newest first; person null for all. */
  List<Ask> list(PersonId person, boolean openOnly, int limit) {
    VisiblePersons.Condition c = visible.authoredBy("person_id", false);
    var q =
        jdbc.sql(
                COLUMNS
                    + " where "
                    + c.sql()
                    + (person == null ? "" : " and person_id = :p")
                    + (openOnly ? " and outcome is null" : "")
                    + " order by id desc limit :l")
            .params(c.params())
            .param("l", limit);
    if (person != null) {
      q = q.param("p", person.value());
    }
    return q.query(Asks::ask).list();
  }

  private static final String COLUMNS =
      "select id, person_id, kind, note, asked_by_name, asked_at, outcome, outcome_note,"
          + " outcome_at from advocacy_ask";

  private static Ask ask(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Ask(
        rs.getLong(1),
        rs.getLong(2),
        Kind.valueOf(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        instant(rs, 6),
        rs.getString(7) == null ? null : Outcome.valueOf(rs.getString(7)),
        rs.getString(8),
        instant(rs, 9));
  }

  /** A touchpoint names the user who acted; the system's own work (demo, jobs) names nobody. */
  private static String author(dev.rapport.access.Actor actor) {
    return actor.userId() == null ? null : actor.name();
  }
}
