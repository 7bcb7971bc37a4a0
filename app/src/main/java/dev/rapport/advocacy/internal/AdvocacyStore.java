package dev.rapport.advocacy.internal;

import dev.rapport.advocacy.AdvocacyReason;
import dev.rapport.advocacy.AdvocacyScore;
import dev.rapport.people.PersonId;
import dev.rapport.people.VisiblePersons;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Signals, the appended scores, the advocates list and the settings. */
@Repository
class AdvocacyStore {

  /** An advocate or candidate on the saved list. */
  record Advocate(
      long person, String status, String addedBy, String reason, int score, Instant addedAt) {}

  /** The workspace settings. */
  record Settings(int threshold, String landingUrl) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final VisiblePersons visible;

  AdvocacyStore(JdbcClient jdbc, ObjectMapper json, VisiblePersons visible) {
    this.jdbc = jdbc;
    this.json = json;
    this.visible = visible;
  }

  Settings settings() {
    return jdbc.sql("select threshold, landing_url from advocacy_setting where id = 1")
        .query((rs, n) -> new Settings(rs.getInt(1), rs.getString(2)))
        .single();
  }

  void saveSettings(Settings s) {
    jdbc.sql("update advocacy_setting set threshold = :t, landing_url = :u where id = 1")
        .param("t", s.threshold())
        .param("u", s.landingUrl())
        .update();
  }

  Optional<String> signupTokenHash() {
    return jdbc.sql("select signup_token_hash from advocacy_setting where id = 1")
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .single();
  }

  void saveSignupTokenHash(String hash) {
    jdbc.sql("update advocacy_setting set signup_token_hash = :h where id = 1")
        .param("h", hash)
        .update();
  }

  /** Stores the signal once; false when the same record was counted before. */
  boolean addSignal(
      PersonId person,
      Signal.Kind kind,
      String recordType,
      String recordId,
      String text,
      Instant at) {
    return jdbc.sql(
                "insert into advocacy_signal (person_id, kind, record_type, record_id, text,"
                    + " occurred_at) values (:p, :k, :t, :i, :x, :at) on conflict do nothing")
            .param("p", person.value())
            .param("k", kind.name())
            .param("t", recordType)
            .param("i", recordId.length() > 200 ? recordId.substring(0, 200) : recordId)
            .param("x", text.length() > 500 ? text.substring(0, 497) + "..." : text)
            .param("at", utc(at))
            .update()
        > 0;
  }

  List<Signal> signals(PersonId person) {
    return jdbc.sql(
            "select id, person_id, kind, record_type, record_id, text, occurred_at"
                + " from advocacy_signal where person_id = :p order by occurred_at desc, id desc")
        .param("p", person.value())
        .query(
            (rs, n) ->
                new Signal(
                    rs.getLong(1),
                    rs.getLong(2),
                    Signal.Kind.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    instant(rs, 7)))
        .list();
  }

  Optional<AdvocacyScore> latest(PersonId person) {
    return jdbc.sql(
            "select score, explanation, computed_at from advocacy_score where person_id = :p"
                + " order by id desc limit 1")
        .param("p", person.value())
        .query(
            (rs, n) ->
                new AdvocacyScore(
                    person,
                    rs.getInt(1),
                    json.readValue(rs.getString(2), new TypeReference<List<AdvocacyReason>>() {}),
                    instant(rs, 3)))
        .optional();
  }

  void append(AdvocacyScore s, String cause) {
    jdbc.sql(
            "insert into advocacy_score (person_id, score, explanation, cause, computed_at)"
                + " values (:p, :s, :x, :c, :at)")
        .param("p", s.person().value())
        .param("s", s.total())
        .param("x", json.writeValueAsString(s.reasons()))
        .param("c", cause.length() > 200 ? cause.substring(0, 200) : cause)
        .param("at", utc(s.asOf()))
        .update();
  }

  /** Score changes of a person, newest first: score, cause, when. */
  List<Object[]> history(PersonId person, int limit) {
    return jdbc.sql(
            "select score, cause, computed_at from advocacy_score where person_id = :p"
                + " order by id desc limit :l")
        .param("p", person.value())
        .param("l", limit)
        .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), instant(rs, 3)})
        .list();
  }

  Optional<Advocate> advocate(PersonId person) {
    return jdbc.sql(
            "select person_id, status, added_by, reason, score, added_at from advocacy_advocate"
                + " where person_id = :p")
        .param("p", person.value())
        .query(AdvocacyStore::advocate)
        .optional();
  }

  /** Puts the person on the list with the status, or raises a candidate to an advocate. */
  void enlist(
      PersonId person, String status, String addedBy, String reason, int score, Instant at) {
    Optional<Advocate> now = advocate(person);
    if (now.isEmpty()) {
      jdbc.sql(
              "insert into advocacy_advocate (person_id, status, added_by, reason, score,"
                  + " added_at) values (:p, :s, :b, :r, :sc, :at) on conflict do nothing")
          .param("p", person.value())
          .param("s", status)
          .param("b", clip(addedBy, 200))
          .param("r", clip(reason, 500))
          .param("sc", score)
          .param("at", utc(at))
          .update();
    } else if (status.equals("ADVOCATE") && !now.get().status().equals("ADVOCATE")) {
      jdbc.sql(
              "update advocacy_advocate set status = 'ADVOCATE', added_by = :b, reason = :r,"
                  + " added_at = :at where person_id = :p")
          .param("p", person.value())
          .param("b", clip(addedBy, 200))
          .param("r", clip(reason, 500))
          .param("at", utc(at))
          .update();
    }
  }

  void updateScore(PersonId person, int score) {
    jdbc.sql("update advocacy_advocate set score = :s where person_id = :p")
        .param("s", score)
        .param("p", person.value())
        .update();
  }

  boolean remove(PersonId person) {
    return jdbc.sql("delete from advocacy_advocate where person_id = :p")
            .param("p", person.value())
            .update()
        > 0;
  }

  /** The list as the current user may see it, best score first; status null for both kinds. */
  List<Advocate> advocates(String status, int offset, int limit) {
    VisiblePersons.Condition c = visible.authoredBy("a.person_id", false);
    var q =
        jdbc.sql(
                "select a.person_id, a.status, a.added_by, a.reason, a.score, a.added_at"
                    + " from advocacy_advocate a where "
                    + c.sql()
                    + (status == null ? "" : " and a.status = :st")
                    + " order by a.score desc, a.person_id offset :o rows fetch next :l rows only")
            .params(c.params())
            .param("o", offset)
            .param("l", limit);
    if (status != null) {
      q = q.param("st", status);
    }
    return q.query(AdvocacyStore::advocate).list();
  }

  long countAdvocates(String status) {
    VisiblePersons.Condition c = visible.authoredBy("a.person_id", false);
    var q =
        jdbc.sql(
                "select count(*) from advocacy_advocate a where "
                    + c.sql()
                    + (status == null ? "" : " and a.status = :st"))
            .params(c.params());
    if (status != null) {
      q = q.param("st", status);
    }
    return q.query(Long.class).single();
  }

  private static Advocate advocate(ResultSet rs, int n) throws SQLException {
    return new Advocate(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        instant(rs, 6));
  }

  /** Forgets everything about the persons (erasure). */
  void forget(List<Long> persons) {
    if (persons.isEmpty()) {
      return;
    }
    for (String table :
        List.of("advocacy_signal", "advocacy_score", "advocacy_advocate", "advocacy_ask")) {
      jdbc.sql("delete from " + table + " where person_id in (:ids)")
          .param("ids", persons)
          .update();
    }
  }

  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
