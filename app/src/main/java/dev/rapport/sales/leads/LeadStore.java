package dev.rapport.sales.leads;

import dev.rapport.people.PersonId;
import dev.rapport.sales.LeadRow;
import dev.rapport.sales.LeadScore;
import dev.rapport.sales.LeadScoreChange;
import dev.rapport.sales.LeadScorePart;
import dev.rapport.sales.LeadSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** The lead rows, the appended score history and the scoring settings. */
@Repository
class LeadStore {

  /** The parts of a score as stored in the explanation column. */
  record Explanation(LeadScorePart fit, LeadScorePart engagement, LeadScorePart intent) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  LeadStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  ScoreArithmetic.HalfLives halfLives() {
    return jdbc.sql(
            "select engagement_half_life_days, intent_half_life_days from sales_lead_setting"
                + " where id = 1")
        .query((rs, n) -> new ScoreArithmetic.HalfLives(rs.getInt(1), rs.getInt(2)))
        .single();
  }

  Long productLineId() {
    return jdbc.sql("select product_line_id from sales_lead_setting where id = 1")
        .query((rs, n) -> (Long) rs.getObject(1, Long.class))
        .list()
        .get(0);
  }

  void saveSettings(int engagementDays, int intentDays) {
    jdbc.sql(
            "update sales_lead_setting set engagement_half_life_days = :e,"
                + " intent_half_life_days = :i where id = 1")
        .param("e", engagementDays)
        .param("i", intentDays)
        .update();
  }

  /** stage id → min score, for every configured threshold. */
  List<long[]> thresholds() {
    return jdbc.sql("select stage_id, min_score from sales_lead_threshold")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
        .list();
  }

  void replaceThreshold(long stageId, Integer minScore) {
    jdbc.sql("delete from sales_lead_threshold where stage_id = :s").param("s", stageId).update();
    if (minScore != null) {
      jdbc.sql("insert into sales_lead_threshold (stage_id, min_score) values (:s, :m)")
          .param("s", stageId)
          .param("m", minScore)
          .update();
    }
  }

  /** The latest appended score row, if any. */
  Optional<LeadScore> latest(PersonId person) {
    return jdbc.sql(
            "select score, explanation, computed_at from sales_lead_score where person_id = :p"
                + " order by id desc limit 1")
        .param("p", person.value())
        .query(
            (rs, n) -> {
              Explanation e = json.readValue(rs.getString(2), Explanation.class);
              Instant lastIntent = lastIntent(person);
              return new LeadScore(
                  person,
                  rs.getInt(1),
                  e.fit(),
                  e.engagement(),
                  e.intent(),
                  instant(rs, 3),
                  lastIntent);
            })
        .optional();
  }

  private Instant lastIntent(PersonId person) {
    return jdbc.sql("select last_intent_at from sales_lead where person_id = :p")
        .param("p", person.value())
        .query((rs, n) -> instant(rs, 1))
        .optional()
        .orElse(null);
  }

  /** Appends the score; the caller decided it changed. */
  void append(LeadScore s, String cause) {
    jdbc.sql(
            "insert into sales_lead_score (person_id, score, fit, engagement, intent, explanation,"
                + " cause, computed_at) values (:p, :s, :f, :e, :i, :x, :c, :at)")
        .param("p", s.person().value())
        .param("s", s.total())
        .param("f", s.fit().points())
        .param("e", s.engagement().points())
        .param("i", s.intent().points())
        .param("x", json.writeValueAsString(new Explanation(s.fit(), s.engagement(), s.intent())))
        .param("c", cause.length() > 200 ? cause.substring(0, 200) : cause)
        .param("at", utc(s.asOf()))
        .update();
  }

  /**
   * Makes sure the person has a lead row (with this source when it is new) and locks it until the
   * transaction ends, so two recomputations of one person run one after the other.
   */
  void lock(PersonId person, LeadSource source, String detail, Instant now) {
    jdbc.sql(
            "insert into sales_lead (person_id, source, source_detail, score, fit, engagement,"
                + " intent, created_at, scored_at) values (:p, :src, :d, 0, 0, 0, 0, :now, :now)"
                + " on conflict do nothing")
        .param("p", person.value())
        .param("src", source.name())
        .param("d", detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200))
        .param("now", utc(now))
        .update();
    jdbc.sql("select person_id from sales_lead where person_id = :p for update")
        .param("p", person.value())
        .query(Long.class)
        .single();
  }

  /** Gives the person the source (a lead made by hand takes the source it was made from). */
  void source(PersonId person, LeadSource source, String detail, Instant now) {
    String d = detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
    lock(person, source, d, now);
    jdbc.sql("update sales_lead set source = :src, source_detail = :d where person_id = :p")
        .param("src", source.name())
        .param("d", d)
        .param("p", person.value())
        .update();
  }

  /** Refreshes the locked lead row with the score, owner and stage. */
  void update(LeadScore s, Long owner, Long stageId, Instant now) {
    jdbc.sql(
            "update sales_lead set score = :s, fit = :f, engagement = :e, intent = :i,"
                + " last_intent_at = :li, owner_user_id = :o, stage_id = :st, scored_at = :now"
                + " where person_id = :p")
        .param("s", s.total())
        .param("f", s.fit().points())
        .param("e", s.engagement().points())
        .param("i", s.intent().points())
        .param("li", s.lastIntentAt() == null ? null : utc(s.lastIntentAt()))
        .param("o", owner)
        .param("st", stageId)
        .param("now", utc(now))
        .param("p", s.person().value())
        .update();
  }

  void crossed(PersonId person, long stageId, Instant at) {
    jdbc.sql(
            "update sales_lead set crossed_at = :at, crossed_stage_id = :s, stage_id = :s"
                + " where person_id = :p")
        .param("at", utc(at))
        .param("s", stageId)
        .param("p", person.value())
        .update();
  }

  Optional<LeadSource> source(PersonId person) {
    return jdbc.sql("select source from sales_lead where person_id = :p")
        .param("p", person.value())
        .query((rs, n) -> LeadSource.valueOf(rs.getString(1)))
        .optional();
  }

  List<LeadScoreChange> history(PersonId person, int limit) {
    return jdbc.sql(
            "select id, score, fit, engagement, intent, cause, computed_at from sales_lead_score"
                + " where person_id = :p order by id desc limit :l")
        .param("p", person.value())
        .param("l", limit)
        .query(
            (rs, n) ->
                new LeadScoreChange(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getString(6),
                    instant(rs, 7)))
        .list();
  }

  /**
   * Lead rows whose stage is one of {@code stageIds}, visible to owners (empty: all), ordered;
   * {@code crossedSince} non-null keeps only those a threshold moved since then.
   */
  List<LeadRow> list(
      Set<Long> stageIds,
      Optional<Set<Long>> owners,
      String orderBy,
      Instant crossedSince,
      int limit) {
    if (stageIds.isEmpty()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder(
            "select person_id, source, source_detail, owner_user_id, score, fit, engagement,"
                + " intent, last_intent_at, stage_id, crossed_at, crossed_stage_id from sales_lead"
                + " where stage_id in (:stages)");
    if (owners.isPresent()) {
      sql.append(
          owners.get().isEmpty()
              ? " and owner_user_id is null"
              : " and (owner_user_id is null or owner_user_id in (:owners))");
    }
    if (crossedSince != null) {
      sql.append(" and crossed_at >= :since");
    }
    sql.append(" order by ").append(orderBy).append(", person_id limit :l");
    var q = jdbc.sql(sql.toString()).param("stages", stageIds).param("l", limit);
    if (owners.isPresent() && !owners.get().isEmpty()) {
      q = q.param("owners", owners.get());
    }
    if (crossedSince != null) {
      q = q.param("since", utc(crossedSince));
    }
    return q.query(
            (rs, n) ->
                new LeadRow(
                    new PersonId(rs.getLong(1)),
                    null,
                    Long.toString(rs.getLong(10)),
                    (Long) rs.getObject(4, Long.class),
                    LeadSource.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getInt(8),
                    instant(rs, 9),
                    instant(rs, 11),
                    rs.getObject(12) == null ? null : Long.toString(rs.getLong(12))))
        .list();
  }

  void moveRows(PersonId from, PersonId to) {
    jdbc.sql("update sales_lead_score set person_id = :to where person_id = :from")
        .param("to", to.value())
        .param("from", from.value())
        .update();
    boolean survivorHasRow =
        jdbc.sql("select count(*) from sales_lead where person_id = :to")
                .param("to", to.value())
                .query(Long.class)
                .single()
            > 0;
    if (survivorHasRow) {
      jdbc.sql("delete from sales_lead where person_id = :from")
          .param("from", from.value())
          .update();
    } else {
      jdbc.sql("update sales_lead set person_id = :to where person_id = :from")
          .param("to", to.value())
          .param("from", from.value())
          .update();
    }
  }

  void forget(PersonId person) {
    jdbc.sql("delete from sales_lead where person_id = :p").param("p", person.value()).update();
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
