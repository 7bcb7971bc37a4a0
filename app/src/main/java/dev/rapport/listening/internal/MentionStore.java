package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.people.PersonId;
import dev.rapport.people.VisiblePersons;
import dev.rapport.shared.InsertedKeys;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Stored mentions: matched posts, unique on (network, native id) so a replay stores nothing. */
@Component
class MentionStore {

  /** A mention as the API and UI list it. */
  record Mention(
      long id,
      String network,
      String nativeId,
      String authorHandle,
      String authorDisplayName,
      String authorProfileUrl,
      String text,
      String url,
      Instant createdAt,
      String language,
      String ruleIds,
      String spans,
      String readings,
      Instant capturedAt,
      Long personId,
      Instant deletedAt,
      boolean timeUnknown) {

    /** The ids of the rules it matched, in the order stored. */
    List<String> ruleIdList() {
      return ruleIds == null || ruleIds.isBlank() ? List.of() : List.of(ruleIds.split(","));
    }
  }

  /** One page of a filtered list, newest post first, with the count of all that match. */
  record MentionPage(List<Mention> items, long total, int page, int size) {
    public boolean hasNext() {
      return (long) (page + 1) * size < total;
    }

    public long pages() {
      return Math.max(1, (total + size - 1) / size);
    }
  }

  private static final String COLUMNS =
      """
      select id, network, native_id, author_handle, author_display_name,
        author_profile_url, text, url, created_at, language, rule_ids, spans, readings,
        captured_at, author_person_id, deleted_at, time_unknown
      from listening_mention
      """;

  private static final String INSERT =
      """
      insert into listening_mention (network, native_id, source_id, author_handle,
        author_display_name, author_profile_url, text, url, created_at, language, reply_to,
        quote_of, repost_of, metrics, raw_payload, rule_ids, spans, readings, captured_at,
        author_person_id, remote_id, time_unknown, sentiment_label, sentiment_score)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      on conflict do nothing
      """;

  private final JdbcTemplate template;
  private final JdbcClient jdbc;

  MentionStore(JdbcTemplate template, JdbcClient jdbc) {
    this.template = template;
    this.jdbc = jdbc;
  }

  /** A matched post to store, with its author's person. */
  record NewMention(NormalizedPost post, Classification classification, PersonId author) {}

  /**
   * Stores the mentions in one batch, each tied to its author's person, skipping those whose
   * (network, native id) is already there: the new rows' ids in input order, null for a skipped
   * one. H2 and PostgreSQL report a count per row and a key per new row; a driver that does not is
   * refused rather than guessed at.
   */
  Long[] storeAll(List<NewMention> batch, Long sourceId, Instant now) {
    if (batch.isEmpty()) {
      return new Long[0];
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    Timestamp at = Timestamp.from(now);
    int[] counts =
        template.batchUpdate(
            con -> con.prepareStatement(INSERT, new String[] {"id"}),
            new BatchPreparedStatementSetter() {
              @Override
              public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                bind(ps, batch.get(i), sourceId, at);
              }

              @Override
              public int getBatchSize() {
                return batch.size();
              }
            },
            keys);
    Long[] ids = InsertedKeys.of(counts, keys);
    storeSignals(batch, ids);
    return ids;
  }

  /** The intents and life events of the new mentions, one row each, in one batch. */
  private void storeSignals(List<NewMention> batch, Long[] ids) {
    List<Object[]> rows = new java.util.ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == null) {
        continue;
      }
      ReadingColumns r = ReadingColumns.of(batch.get(i).classification().readingsJson());
      for (String v : r.intents()) {
        rows.add(new Object[] {ids[i], "intent", v});
      }
      for (String v : r.events()) {
        rows.add(new Object[] {ids[i], "event", v});
      }
    }
    if (!rows.isEmpty()) {
      template.batchUpdate(
          "insert into listening_mention_signal (mention_id, kind, signal) values (?, ?, ?)", rows);
    }
  }

  private static void bind(PreparedStatement ps, NewMention m, Long sourceId, Timestamp at)
      throws java.sql.SQLException {
    NormalizedPost p = m.post();
    Classification c = m.classification();
    ps.setString(1, p.network());
    ps.setString(2, p.nativeId());
    ps.setObject(3, sourceId);
    ps.setString(4, p.author().handle());
    ps.setString(5, p.author().displayName());
    ps.setString(6, p.author().profileUrl());
    ps.setString(7, p.text());
    ps.setString(8, p.url());
    ps.setTimestamp(9, Timestamp.from(p.createdAt()));
    ps.setString(10, p.language());
    ps.setString(11, p.replyTo());
    ps.setString(12, p.quoteOf());
    ps.setString(13, p.repostOf());
    ps.setString(14, metricsJson(p.metrics()));
    ps.setString(15, p.rawPayload());
    ps.setString(16, String.join(",", c.ruleIds()));
    ps.setString(17, c.spansJson());
    ps.setString(18, c.readingsJson());
    ps.setTimestamp(19, at);
    ps.setObject(20, m.author() == null ? null : m.author().value());
    ps.setString(21, p.remoteId());
    ps.setBoolean(22, p.timeUnknown());
    ReadingColumns r = ReadingColumns.of(c.readingsJson());
    ps.setString(23, r.label());
    ps.setObject(24, r.score());
  }

  /** The most recently captured mentions in the scope (the rule tester's sample). */
  List<Mention> recent(VisiblePersons.Condition scope, int limit) {
    return jdbc.sql(COLUMNS + " where " + scope.sql() + " order by id desc limit :limit")
        .params(scope.params())
        .param("limit", limit)
        .query(MentionStore::row)
        .list();
  }

  /** A page of the mentions in the scope the filter lets through, newest post first. */
  MentionPage page(VisiblePersons.Condition scope, MentionFilter filter, int page, int size) {
    Map<String, Object> params = new java.util.HashMap<>(scope.params());
    String where = where(filter, params) + " and " + scope.sql();
    long total =
        jdbc.sql("select count(*) from listening_mention" + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<Mention> items =
        jdbc.sql(COLUMNS + where + " order by created_at desc, id desc limit :limit offset :offset")
            .params(params)
            .query(MentionStore::row)
            .list();
    return new MentionPage(items, total, page, size);
  }

  /** The mention, when it exists and is in the scope. */
  java.util.Optional<Mention> find(VisiblePersons.Condition scope, long id) {
    return jdbc.sql(COLUMNS + " where id = :id and " + scope.sql())
        .params(scope.params())
        .param("id", id)
        .query(MentionStore::row)
        .optional();
  }

  /** The native id of the post the mention answers; empty when none (or no such mention). */
  java.util.Optional<String> replyTo(long id) {
    return jdbc.sql("select reply_to from listening_mention where id = :id")
        .param("id", id)
        .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(o -> o);
  }

  /** The payload the network sent, as stored (cut at the configured size); null when none. */
  String rawPayload(long id) {
    return jdbc.sql("select raw_payload from listening_mention where id = :id")
        .param("id", id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** The mentions in the scope with these ids, in no particular order. */
  List<Mention> byIds(VisiblePersons.Condition scope, java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(COLUMNS + " where id in (:ids) and " + scope.sql())
        .params(scope.params())
        .param("ids", ids)
        .query(MentionStore::row)
        .list();
  }

  /** The networks and languages of the mentions in the scope, for the filter choices. */
  List<String> distinct(VisiblePersons.Condition scope, String column) {
    if (!column.equals("network") && !column.equals("language")) {
      throw new IllegalArgumentException(column);
    }
    return jdbc.sql(
            "select distinct "
                + column
                + " from listening_mention where "
                + column
                + " is not null and "
                + scope.sql()
                + " order by 1")
        .params(scope.params())
        .query(String.class)
        .list();
  }

  /**
   * The SQL condition for a filter. The sentiment, intents and events are columns and rows kept
   * beside the readings JSON ({@link ReadingColumns}), so they are indexed equality.
   */
  static String where(MentionFilter f, Map<String, Object> params) {
    List<String> and = new java.util.ArrayList<>();
    if (f.rule() != null) {
      and.add("(',' || rule_ids || ',') like :rule");
      params.put("rule", "%," + f.rule() + ",%");
    }
    if (f.network() != null) {
      and.add("network = :network");
      params.put("network", f.network());
    }
    if (f.language() != null) {
      and.add("(lower(language) = :language or lower(language) like :languagePrefix)");
      params.put("language", f.language());
      params.put("languagePrefix", like(f.language()) + "-%");
    }
    if (f.sentiment() != null) {
      and.add("sentiment_label = :sentiment");
      params.put("sentiment", f.sentiment());
    }
    if (f.intent() != null) {
      and.add(
          "id in (select mention_id from listening_mention_signal"
              + " where kind = 'intent' and signal = :intent)");
      params.put("intent", f.intent());
    }
    if (f.event() != null) {
      and.add(
          "id in (select mention_id from listening_mention_signal"
              + " where kind = 'event' and signal = :event)");
      params.put("event", f.event());
    }
    if (f.from() != null) {
      and.add("created_at >= :from");
      params.put(
          "from", Timestamp.from(f.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    }
    if (f.to() != null) {
      and.add("created_at < :to");
      params.put(
          "to",
          Timestamp.from(f.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    }
    if (f.author() != null) {
      and.add(
          "(lower(author_handle) like :author escape '\\'"
              + " or lower(author_display_name) like :author escape '\\')");
      params.put("author", "%" + like(f.author().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    if (f.person() != null) {
      and.add("author_person_id = :person");
      params.put("person", f.person());
    }
    return " where " + (and.isEmpty() ? "1 = 1" : String.join(" and ", and));
  }

  private static String like(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Mention row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Mention(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getTimestamp(9).toInstant(),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getTimestamp(14).toInstant(),
        rs.getObject(15, Long.class),
        instant(rs.getTimestamp(16)),
        rs.getBoolean(17));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** Every stored mention, whatever the viewer (ingest statistics). */
  long count() {
    return jdbc.sql("select count(*) from listening_mention").query(Long.class).single();
  }

  /** The mentions in the scope. */
  long count(VisiblePersons.Condition scope) {
    return jdbc.sql("select count(*) from listening_mention where " + scope.sql())
        .params(scope.params())
        .query(Long.class)
        .single();
  }

  static String metricsJson(Map<String, Long> metrics) {
    return metrics.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }
}
