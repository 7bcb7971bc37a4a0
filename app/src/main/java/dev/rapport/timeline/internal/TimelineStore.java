package dev.rapport.timeline.internal;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The touchpoint table, with SQL that runs on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
class TimelineStore {

  /** Inserting an existing source does nothing: the unique (source_type, source_id) decides. */
  private static final String INSERT =
      """
      insert into touchpoint (person_id, account_id, kind, channel, direction, occurred_at,
                              by_user_id, by_name, summary, source_type, source_id, source_url,
                              amount, margin, currency, created_at)
      values (:person, :account, :kind, :channel, :direction, :occurredAt, :byUserId, :byName,
              :summary, :sourceType, :sourceId, :sourceUrl, :amount, :margin, :currency, :createdAt)
      on conflict do nothing
      """;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;

  TimelineStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  /** Replaces the summary of the touchpoint that shows this source (an edited or deleted post). */
  int reviseSummary(String sourceType, String sourceId, String summary) {
    return jdbc.sql(
            "update touchpoint set summary = :summary where source_type = :type and source_id = :id")
        .param("summary", summary)
        .param("type", sourceType)
        .param("id", sourceId)
        .update();
  }

  /** Inserts many at once (demo data), skipping sources that exist; returns how many were new. */
  int insertAll(List<NewTouchpoint> touchpoints, Instant now) {
    int inserted = 0;
    for (int n : insertEach(touchpoints, now)) {
      inserted += Math.max(0, n);
    }
    return inserted;
  }

  /** Inserts many in one batch, skipping sources that exist: each row's count (1 new, 0 not). */
  int[] insertEach(List<NewTouchpoint> touchpoints, Instant now) {
    return named.batchUpdate(INSERT, batch(touchpoints, now));
  }

  /**
   * Inserts many in one batch, skipping sources that exist: the new rows' ids in input order, null
   * for a source that existed. H2 and PostgreSQL report a count per row and a key per new row; a
   * driver that does not is refused rather than guessed at.
   */
  Long[] insertReturningIds(List<NewTouchpoint> touchpoints, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    int[] counts = named.batchUpdate(INSERT, batch(touchpoints, now), keys, new String[] {"id"});
    return dev.rapport.shared.InsertedKeys.of(counts, keys);
  }

  private static SqlParameterSource[] batch(List<NewTouchpoint> touchpoints, Instant now) {
    return touchpoints.stream().map(t -> params(t, now)).toArray(SqlParameterSource[]::new);
  }

  Optional<Touchpoint> bySource(String type, String id) {
    return jdbc.sql("select * from touchpoint where source_type = :t and source_id = :i")
        .param("t", type)
        .param("i", id)
        .query(TimelineStore::touchpoint)
        .optional();
  }

  List<Touchpoint> page(String subject, long id, TouchpointFilter filter) {
    Map<String, Object> p = new HashMap<>();
    String where = where(subject, id, filter, p);
    String order = filter.oldestFirst() ? "occurred_at, id" : "occurred_at desc, id desc";
    p.put("limit", filter.size());
    p.put("offset", (long) filter.page() * filter.size());
    return jdbc.sql(
            "select * from touchpoint where "
                + where
                + " order by "
                + order
                + " limit :limit offset :offset")
        .params(p)
        .query(TimelineStore::touchpoint)
        .list();
  }

  long count(String subject, long id, TouchpointFilter filter) {
    Map<String, Object> p = new HashMap<>();
    String where = where(subject, id, filter, p);
    return jdbc.sql("select count(*) from touchpoint where " + where)
        .params(p)
        .query(Long.class)
        .single();
  }

  int reassignPerson(PersonId merged, PersonId survivor) {
    return jdbc.sql(
            "update touchpoint set person_id = :s, merged_from = coalesce(merged_from, :m)"
                + " where person_id = :m")
        .param("s", survivor.value())
        .param("m", merged.value())
        .update();
  }

  long countForPerson(PersonId person) {
    return jdbc.sql("select count(*) from touchpoint where person_id = :p")
        .param("p", person.value())
        .query(Long.class)
        .single();
  }

  /** subject is the column, never user input: "person_id" or "account_id". */
  private static String where(
      String subject, long id, TouchpointFilter filter, Map<String, Object> p) {
    StringBuilder where = new StringBuilder(subject).append(" = :subject");
    p.put("subject", id);
    if (!filter.kinds().isEmpty()) {
      where.append(" and kind in (:kinds)");
      p.put("kinds", filter.kinds().stream().map(Enum::name).toList());
    }
    if (!filter.channels().isEmpty()) {
      where.append(" and channel in (:channels)");
      p.put("channels", List.copyOf(filter.channels()));
    }
    if (filter.from() != null) {
      where.append(" and occurred_at >= :from");
      p.put("from", utc(filter.from()));
    }
    if (filter.to() != null) {
      where.append(" and occurred_at < :to");
      p.put("to", utc(filter.to()));
    }
    return where.toString();
  }

  private static MapSqlParameterSource params(NewTouchpoint t, Instant now) {
    SourceRef s = t.source();
    return new MapSqlParameterSource()
        .addValue("person", t.person() == null ? null : t.person().value())
        .addValue("account", t.account() == null ? null : t.account().value())
        .addValue("kind", t.kind().name())
        .addValue("channel", t.channel())
        .addValue("direction", t.direction() == null ? null : t.direction().name())
        .addValue("occurredAt", utc(t.occurredAt()))
        .addValue("byUserId", t.byUserId())
        .addValue("byName", t.byName())
        .addValue("summary", t.summary())
        .addValue("sourceType", s.type())
        .addValue("sourceId", s.id())
        .addValue("sourceUrl", s.url())
        .addValue("amount", t.amount())
        .addValue("margin", t.margin())
        .addValue("currency", t.currency())
        .addValue("createdAt", utc(now));
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** 2400.0000 reads back as 2400, 12.5000 as 12.5: the value as it was given. */
  static java.math.BigDecimal plain(java.math.BigDecimal v) {
    if (v == null) {
      return null;
    }
    java.math.BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private static Touchpoint touchpoint(ResultSet rs, int n) throws SQLException {
    Long person = rs.getObject("person_id", Long.class);
    Long account = rs.getObject("account_id", Long.class);
    Long merged = rs.getObject("merged_from", Long.class);
    String direction = rs.getString("direction");
    return new Touchpoint(
        rs.getLong("id"),
        person == null ? null : new PersonId(person),
        account == null ? null : new AccountId(account),
        TouchpointKind.valueOf(rs.getString("kind")),
        rs.getString("channel"),
        direction == null ? null : Direction.valueOf(direction),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getObject("by_user_id", Long.class),
        rs.getString("by_name"),
        rs.getString("summary"),
        new SourceRef(
            rs.getString("source_type"), rs.getString("source_id"), rs.getString("source_url")),
        plain(rs.getBigDecimal("amount")),
        plain(rs.getBigDecimal("margin")),
        rs.getString("currency"),
        merged == null ? null : new PersonId(merged));
  }
}
