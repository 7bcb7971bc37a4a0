package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.people.PersonId;
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
class Mentions {

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
      Instant deletedAt) {}

  private static final String INSERT =
      """
      insert into listening_mention (network, native_id, source_id, author_handle,
        author_display_name, author_profile_url, text, url, created_at, language, reply_to,
        quote_of, repost_of, metrics, raw_payload, rule_ids, spans, readings, captured_at,
        author_person_id, remote_id)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      on conflict do nothing
      """;

  private final JdbcTemplate template;
  private final JdbcClient jdbc;

  Mentions(JdbcTemplate template, JdbcClient jdbc) {
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
    return InsertedKeys.of(counts, keys);
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
  }

  List<Mention> recent(int limit) {
    return jdbc.sql(
            """
            select id, network, native_id, author_handle, author_display_name,
              author_profile_url, text, url, created_at, language, rule_ids, spans, readings,
              captured_at, deleted_at
            from listening_mention order by id desc limit :limit
            """)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Mention(
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
                    instant(rs.getTimestamp(15))))
        .list();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  long count() {
    return jdbc.sql("select count(*) from listening_mention").query(Long.class).single();
  }

  static String metricsJson(Map<String, Long> metrics) {
    return metrics.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }
}
