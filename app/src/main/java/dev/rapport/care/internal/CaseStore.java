package dev.rapport.care.internal;

import dev.rapport.care.CaseClosed;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of cases, the mentions they hold and their history. */
@Component
class CaseStore {

  static final String COLUMNS =
      "select c.id, c.person_id, c.account_id, c.thread_key, c.network, c.first_mention_id,"
          + " c.reason, c.brand, c.excerpt, c.priority, c.status, c.outcome, c.assignee_user_id,"
          + " c.team_id, c.routed_by, c.sla_minutes, c.opened_at, c.due_at, c.first_response_at,"
          + " c.closed_at, c.previous_case_id from care_case c";

  /** A case to store. */
  record NewCase(
      PersonId person,
      AccountId account,
      String threadKey,
      String network,
      Long firstMentionId,
      String reason,
      String brand,
      String excerpt,
      Priority priority,
      int slaMinutes,
      Instant openedAt,
      Instant dueAt,
      Long previousCaseId) {}

  /** One line of a case's history. */
  record Event(
      long id,
      Instant at,
      Long byUserId,
      String byName,
      String kind,
      String status,
      String detail) {}

  private final JdbcClient jdbc;

  CaseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(NewCase c) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into care_case (person_id, account_id, thread_key, open_thread_key, network,"
                + " first_mention_id, reason, brand, excerpt, priority, status, routed_by,"
                + " sla_minutes, opened_at, due_at, previous_case_id) values (:p, :a, :t, :t, :n,"
                + " :m, :r, :b, :e, :prio, 'new', 'not routed yet', :sla, :at, :due, :prev)")
        .param("p", c.person().value())
        .param("a", c.account() == null ? null : c.account().value())
        .param("t", c.threadKey())
        .param("n", c.network())
        .param("m", c.firstMentionId())
        .param("r", c.reason())
        .param("b", c.brand())
        .param("e", c.excerpt())
        .param("prio", c.priority().key())
        .param("sla", c.slaMinutes())
        .param("at", ts(c.openedAt()))
        .param("due", ts(c.dueAt()))
        .param("prev", c.previousCaseId())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<CareCase> find(long id) {
    return jdbc.sql(COLUMNS + " where c.id = :id").param("id", id).query(CaseStore::row).optional();
  }

  Optional<CareCase> openInThread(String threadKey) {
    return jdbc.sql(COLUMNS + " where c.open_thread_key = :t")
        .param("t", threadKey)
        .query(CaseStore::row)
        .optional();
  }

  /** The newest case of the thread (open or closed). */
  Optional<CareCase> latestInThread(String threadKey) {
    return jdbc
        .sql(COLUMNS + " where c.thread_key = :t order by c.id desc")
        .param("t", threadKey)
        .query(CaseStore::row)
        .list()
        .stream()
        .findFirst();
  }

  /** The thread of the case holding the post with this native id on this network, if any. */
  Optional<String> threadOf(String network, String nativeId) {
    return jdbc
        .sql(
            "select c.thread_key from care_case_mention m join care_case c on c.id = m.case_id"
                + " where m.network = :n and m.native_id = :id order by c.id desc")
        .param("n", network)
        .param("id", nativeId)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  boolean hasMention(long mentionId) {
    return jdbc.sql("select count(*) from care_case_mention where mention_id = :m")
            .param("m", mentionId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Ties the mention to the case; false when it is tied to a case already (a redelivery). */
  boolean addMention(long caseId, long mentionId, String network, String nativeId, Instant at) {
    return jdbc.sql(
                "insert into care_case_mention (mention_id, case_id, network, native_id, joined_at)"
                    + " values (:m, :c, :n, :id, :at) on conflict do nothing")
            .param("m", mentionId)
            .param("c", caseId)
            .param("n", network)
            .param("id", nativeId)
            .param("at", ts(at))
            .update()
        == 1;
  }

  List<Long> mentions(long caseId) {
    return jdbc.sql(
            "select mention_id from care_case_mention where case_id = :c order by joined_at")
        .param("c", caseId)
        .query(Long.class)
        .list();
  }

  void route(long id, Long userId, Long teamId, String routedBy) {
    jdbc.sql(
            "update care_case set assignee_user_id = :u, team_id = :t, routed_by = :r where id ="
                + " :id")
        .param("u", userId)
        .param("t", teamId)
        .param("r", routedBy)
        .param("id", id)
        .update();
    if (userId != null) {
      setStatus(id, CaseStatus.ASSIGNED);
    }
  }

  void setStatus(long id, CaseStatus status) {
    jdbc.sql("update care_case set status = :s where id = :id")
        .param("s", status.key())
        .param("id", id)
        .update();
  }

  void responded(long id, Instant at) {
    jdbc.sql(
            "update care_case set first_response_at = coalesce(first_response_at, :at) where id ="
                + " :id")
        .param("at", ts(at))
        .param("id", id)
        .update();
  }

  /** Closes an open case; false when it was closed meanwhile. */
  boolean close(long id, CaseClosed.Outcome outcome, Instant at) {
    return jdbc.sql(
                "update care_case set status = 'closed', outcome = :o, closed_at = :at,"
                    + " open_thread_key = null where id = :id and status <> 'closed'")
            .param("o", outcome.name().toLowerCase(java.util.Locale.ROOT))
            .param("at", ts(at))
            .param("id", id)
            .update()
        == 1;
  }

  void event(
      long caseId, Instant at, Long byUserId, String byName, String kind, String status, String d) {
    jdbc.sql(
            "insert into care_case_event (case_id, at, by_user_id, by_name, kind, status, detail)"
                + " values (:c, :at, :u, :n, :k, :s, :d)")
        .param("c", caseId)
        .param("at", ts(at))
        .param("u", byUserId)
        .param("n", byName)
        .param("k", kind)
        .param("s", status)
        .param("d", d == null ? null : d.length() > 2000 ? d.substring(0, 2000) : d)
        .update();
  }

  long lastEventId(long caseId) {
    return jdbc.sql("select max(id) from care_case_event where case_id = :c")
        .param("c", caseId)
        .query(Long.class)
        .single();
  }

  List<Event> events(long caseId) {
    return jdbc.sql(
            "select id, at, by_user_id, by_name, kind, status, detail from care_case_event"
                + " where case_id = :c order by at, id")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new Event(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    (Long) rs.getObject(3, Long.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }

  /** A page of cases matching the where clause (over {@code c}), soonest due first. */
  List<CareCase> page(String where, Map<String, Object> params, String order, int page, int size) {
    return jdbc.sql(
            COLUMNS
                + " where "
                + where
                + " order by "
                + order
                + " limit "
                + size
                + " offset "
                + ((long) page * size))
        .params(params)
        .query(CaseStore::row)
        .list();
  }

  long count(String where, Map<String, Object> params) {
    return jdbc.sql("select count(*) from care_case c where " + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  static CareCase row(ResultSet rs, int n) throws SQLException {
    String outcome = rs.getString("outcome");
    return new CareCase(
        rs.getLong("id"),
        new PersonId(rs.getLong("person_id")),
        rs.getObject("account_id") == null ? null : new AccountId(rs.getLong("account_id")),
        rs.getString("thread_key"),
        rs.getString("network"),
        rs.getObject("first_mention_id", Long.class),
        rs.getString("reason"),
        rs.getString("brand"),
        rs.getString("excerpt"),
        Priority.byKey(rs.getString("priority")).orElse(Priority.NORMAL),
        CaseStatus.of(rs.getString("status")),
        outcome == null
            ? null
            : CaseClosed.Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)),
        rs.getObject("assignee_user_id", Long.class),
        rs.getObject("team_id", Long.class),
        rs.getString("routed_by"),
        rs.getInt("sla_minutes"),
        instant(rs.getTimestamp("opened_at")),
        instant(rs.getTimestamp("due_at")),
        instant(rs.getTimestamp("first_response_at")),
        instant(rs.getTimestamp("closed_at")),
        rs.getObject("previous_case_id", Long.class));
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
