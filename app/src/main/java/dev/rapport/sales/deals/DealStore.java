package dev.rapport.sales.deals;

import dev.rapport.sales.DealChange;
import dev.rapport.sales.DealSource;
import dev.rapport.sales.DealStatus;
import dev.rapport.sales.Gate;
import dev.rapport.sales.StakeholderRole;
import dev.rapport.sales.Stance;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of opportunities, their persons, appended changes, gates and stakeholders. */
@Repository
class DealStore {

  /** An opportunity row as stored. */
  record Row(
      long id,
      String name,
      long pipelineId,
      long stageId,
      DealStatus status,
      BigDecimal amount,
      String currency,
      BigDecimal margin,
      LocalDate closeDate,
      Long ownerUserId,
      Long accountId,
      Long primaryPersonId,
      Long productLineId,
      DealSource source,
      String sourceRef,
      Long closeReasonId,
      String closeNote,
      Instant closedAt,
      Instant stageEnteredAt,
      Instant lastActivityAt,
      Instant createdAt,
      Instant updatedAt,
      int version) {}

  /** A confirmed gate as stored. */
  record GateRow(
      long opportunityId,
      Gate gate,
      String evidence,
      List<Long> touchpointIds,
      List<Long> mentionIds,
      Long byUserId,
      String by,
      Instant at) {}

  /** A stakeholder as stored. */
  record StakeholderRow(
      long id,
      long opportunityId,
      long personId,
      StakeholderRole role,
      String criteria,
      Stance stance,
      boolean access,
      Long byUserId,
      String by,
      Instant updatedAt) {}

  static final String COLUMNS =
      "o.id, o.name, o.pipeline_id, o.stage_id, o.status, o.amount, o.currency,"
          + " o.expected_margin, o.close_date, o.owner_user_id, o.account_id,"
          + " o.primary_person_id, o.product_line_id, o.source, o.source_ref, o.close_reason_id,"
          + " o.close_note, o.closed_at, o.stage_entered_at, o.last_activity_at, o.created_at,"
          + " o.updated_at, o.version";

  private final JdbcClient jdbc;

  DealStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Row r) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into deal_opportunity (name, pipeline_id, stage_id, status, amount, currency,
                expected_margin, close_date, owner_user_id, account_id, primary_person_id,
                product_line_id, source, source_ref, stage_entered_at, last_activity_at,
                created_at, updated_at, version)
            values (:name, :pipeline, :stage, :status, :amount, :currency, :margin, :close,
                :owner, :account, :person, :line, :source, :ref, :at, :at, :at, :at, 0)
            """)
        .param("name", r.name())
        .param("pipeline", r.pipelineId())
        .param("stage", r.stageId())
        .param("status", r.status().name())
        .param("amount", r.amount())
        .param("currency", r.currency())
        .param("margin", r.margin())
        .param("close", Date.valueOf(r.closeDate()))
        .param("owner", r.ownerUserId())
        .param("account", r.accountId())
        .param("person", r.primaryPersonId())
        .param("line", r.productLineId())
        .param("source", r.source().name())
        .param("ref", r.sourceRef())
        .param("at", Timestamp.from(r.createdAt()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void addPersons(long opportunityId, Collection<Long> persons) {
    for (Long p : persons) {
      jdbc.sql(
              "insert into deal_opportunity_person (opportunity_id, person_id) values (:o, :p)"
                  + " on conflict do nothing")
          .param("o", opportunityId)
          .param("p", p)
          .update();
    }
  }

  Optional<Row> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from deal_opportunity o where o.id = :id")
        .param("id", id)
        .query(DealStore::row)
        .optional();
  }

  /** Rows matching the where clause (on alias o), in the given order, paged. */
  List<Row> page(String where, Map<String, Object> params, String order, long offset, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from deal_opportunity o where "
                + where
                + " order by "
                + order
                + " limit :limit offset :offset")
        .params(params)
        .param("limit", limit)
        .param("offset", offset)
        .query(DealStore::row)
        .list();
  }

  long count(String where, Map<String, Object> params) {
    return jdbc.sql("select count(*) from deal_opportunity o where " + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  /** Person ids of each deal, the primary person first. */
  Map<Long, List<Long>> persons(Collection<Long> ids) {
    Map<Long, List<Long>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "select opportunity_id, person_id from deal_opportunity_person"
                + " where opportunity_id in (:ids) order by opportunity_id, person_id")
        .param("ids", ids)
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            });
    return out;
  }

  /**
   * Applies a change only if the deal still has the version the caller read: 1 when it did (and the
   * version moves on), 0 when someone else changed it first.
   */
  int updateStage(long id, int version, long stageId, DealStatus status, Instant at) {
    return jdbc.sql(
            "update deal_opportunity set stage_id = :s, status = :st, stage_entered_at = :at,"
                + " last_activity_at = :at, updated_at = :at, version = version + 1"
                + " where id = :id and version = :v")
        .param("s", stageId)
        .param("st", status.name())
        .param("at", Timestamp.from(at))
        .param("id", id)
        .param("v", version)
        .update();
  }

  int close(
      long id,
      int version,
      long stageId,
      DealStatus status,
      long reasonId,
      String note,
      Instant at) {
    return jdbc.sql(
            "update deal_opportunity set stage_id = :s, status = :st, stage_entered_at = :at,"
                + " close_reason_id = :r, close_note = :note, closed_at = :at,"
                + " last_activity_at = :at, updated_at = :at, version = version + 1"
                + " where id = :id and version = :v")
        .param("s", stageId)
        .param("st", status.name())
        .param("r", reasonId)
        .param("note", note)
        .param("at", Timestamp.from(at))
        .param("id", id)
        .param("v", version)
        .update();
  }

  int updateFields(
      long id,
      int version,
      String name,
      BigDecimal amount,
      String currency,
      BigDecimal margin,
      LocalDate closeDate,
      Long owner,
      Instant at) {
    return jdbc.sql(
            "update deal_opportunity set name = :n, amount = :a, currency = :c,"
                + " expected_margin = :m, close_date = :d, owner_user_id = :o,"
                + " last_activity_at = :at, updated_at = :at, version = version + 1"
                + " where id = :id and version = :v")
        .param("n", name)
        .param("a", amount)
        .param("c", currency)
        .param("m", margin)
        .param("d", Date.valueOf(closeDate))
        .param("o", owner)
        .param("at", Timestamp.from(at))
        .param("id", id)
        .param("v", version)
        .update();
  }

  /** A touch or a gate/stakeholder change: the deal is not stale for now. */
  void touched(long id, Instant at) {
    jdbc.sql(
            "update deal_opportunity set last_activity_at = :at where id = :id"
                + " and last_activity_at < :at")
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  /** Open deals of the person or the account were touched at that time. */
  int touchedBy(Long personId, Long accountId, Instant at) {
    return jdbc.sql(
            "update deal_opportunity set last_activity_at = :at where status = 'OPEN'"
                + " and last_activity_at < :at and (id in (select opportunity_id from"
                + " deal_opportunity_person where person_id = :p) or account_id = :a)")
        .param("at", Timestamp.from(at))
        .param("p", personId == null ? -1L : personId)
        .param("a", accountId == null ? -1L : accountId)
        .update();
  }

  void appendChange(
      long id, String field, String from, String to, Long byUserId, String by, Instant at) {
    jdbc.sql(
            "insert into deal_change (opportunity_id, field, from_value, to_value, by_user_id,"
                + " by_name, at) values (:o, :f, :from, :to, :u, :by, :at)")
        .param("o", id)
        .param("f", field)
        .param("from", from)
        .param("to", to)
        .param("u", byUserId)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
  }

  List<DealChange> changes(long id) {
    return jdbc.sql(
            "select id, opportunity_id, field, from_value, to_value, by_user_id, by_name, at"
                + " from deal_change where opportunity_id = :o order by id")
        .param("o", id)
        .query(
            (rs, n) ->
                new DealChange(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    (Long) rs.getObject(6, Long.class),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()))
        .list();
  }

  /** Inserts the gate; false when it was already confirmed (the primary key holds). */
  boolean confirmGate(GateRow g) {
    return jdbc.sql(
                "insert into deal_gate (opportunity_id, gate, evidence, touchpoint_ids,"
                    + " mention_ids, confirmed_by_user_id, confirmed_by_name, confirmed_at)"
                    + " values (:o, :g, :e, :t, :m, :u, :by, :at) on conflict do nothing")
            .param("o", g.opportunityId())
            .param("g", g.gate().number())
            .param("e", g.evidence())
            .param("t", ids(g.touchpointIds()))
            .param("m", ids(g.mentionIds()))
            .param("u", g.byUserId())
            .param("by", g.by())
            .param("at", Timestamp.from(g.at()))
            .update()
        == 1;
  }

  int reopenGate(long id, Gate gate) {
    return jdbc.sql("delete from deal_gate where opportunity_id = :o and gate = :g")
        .param("o", id)
        .param("g", gate.number())
        .update();
  }

  Map<Long, Map<Gate, GateRow>> gates(Collection<Long> ids) {
    Map<Long, Map<Gate, GateRow>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "select opportunity_id, gate, evidence, touchpoint_ids, mention_ids,"
                + " confirmed_by_user_id, confirmed_by_name, confirmed_at from deal_gate"
                + " where opportunity_id in (:ids)")
        .param("ids", ids)
        .query(
            (rs, n) ->
                new GateRow(
                    rs.getLong(1),
                    Gate.of(rs.getInt(2)).orElseThrow(),
                    rs.getString(3),
                    ids(rs.getString(4)),
                    ids(rs.getString(5)),
                    (Long) rs.getObject(6, Long.class),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()))
        .list()
        .forEach(
            g ->
                out.computeIfAbsent(g.opportunityId(), k -> new LinkedHashMap<>())
                    .put(g.gate(), g));
    return out;
  }

  Map<Long, List<StakeholderRow>> stakeholders(Collection<Long> ids) {
    Map<Long, List<StakeholderRow>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "select id, opportunity_id, person_id, role, criteria, stance, has_access, by_user_id,"
                + " by_name, updated_at from deal_stakeholder where opportunity_id in (:ids)"
                + " order by id")
        .param("ids", ids)
        .query(
            (rs, n) ->
                new StakeholderRow(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    StakeholderRole.valueOf(rs.getString(4)),
                    rs.getString(5),
                    Stance.valueOf(rs.getString(6)),
                    rs.getBoolean(7),
                    (Long) rs.getObject(8, Long.class),
                    rs.getString(9),
                    rs.getTimestamp(10).toInstant()))
        .list()
        .forEach(s -> out.computeIfAbsent(s.opportunityId(), k -> new ArrayList<>()).add(s));
    return out;
  }

  void putStakeholder(StakeholderRow s) {
    int updated =
        jdbc.sql(
                "update deal_stakeholder set role = :r, criteria = :c, stance = :s,"
                    + " has_access = :a, by_user_id = :u, by_name = :by, updated_at = :at"
                    + " where opportunity_id = :o and person_id = :p")
            .param("r", s.role().name())
            .param("c", s.criteria())
            .param("s", s.stance().name())
            .param("a", s.access())
            .param("u", s.byUserId())
            .param("by", s.by())
            .param("at", Timestamp.from(s.updatedAt()))
            .param("o", s.opportunityId())
            .param("p", s.personId())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into deal_stakeholder (opportunity_id, person_id, role, criteria, stance,"
                  + " has_access, by_user_id, by_name, updated_at)"
                  + " values (:o, :p, :r, :c, :s, :a, :u, :by, :at)")
          .param("o", s.opportunityId())
          .param("p", s.personId())
          .param("r", s.role().name())
          .param("c", s.criteria())
          .param("s", s.stance().name())
          .param("a", s.access())
          .param("u", s.byUserId())
          .param("by", s.by())
          .param("at", Timestamp.from(s.updatedAt()))
          .update();
    }
  }

  int removeStakeholder(long id, long personId) {
    return jdbc.sql("delete from deal_stakeholder where opportunity_id = :o and person_id = :p")
        .param("o", id)
        .param("p", personId)
        .update();
  }

  static String ids(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  static List<Long> ids(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return Arrays.stream(stored.split(",")).map(String::strip).map(Long::parseLong).toList();
  }

  static Row row(ResultSet rs, int n) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Row(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getLong("pipeline_id"),
        rs.getLong("stage_id"),
        DealStatus.valueOf(rs.getString("status")),
        rs.getBigDecimal("amount"),
        rs.getString("currency").strip(),
        rs.getBigDecimal("expected_margin"),
        rs.getObject("close_date", LocalDate.class),
        (Long) rs.getObject("owner_user_id", Long.class),
        (Long) rs.getObject("account_id", Long.class),
        (Long) rs.getObject("primary_person_id", Long.class),
        (Long) rs.getObject("product_line_id", Long.class),
        DealSource.valueOf(rs.getString("source")),
        rs.getString("source_ref"),
        (Long) rs.getObject("close_reason_id", Long.class),
        rs.getString("close_note"),
        closed == null ? null : closed.toInstant(),
        rs.getTimestamp("stage_entered_at").toInstant(),
        rs.getTimestamp("last_activity_at").toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("version"));
  }
}
