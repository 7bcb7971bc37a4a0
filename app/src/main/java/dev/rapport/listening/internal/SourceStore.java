package dev.rapport.listening.internal;

import dev.rapport.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The listening_source table: configuration, cursor, schedule and health of every source. */
@Component
class SourceStore {

  /** Every column, the totals with the counts rows not yet folded in ({@link SourceCountStore}). */
  private static final String COLUMNS =
      "s.id, s.name, s.kind, s.config, s.cursor_value, s.paused, s.poll_seconds, s.next_run_at,"
          + " s.failures, s.last_success_at, s.last_error_at, s.last_error,"
          + " s.posts_total + coalesce(c.posts, 0) as posts_total,"
          + " s.unmatched_total + coalesce(c.unmatched, 0) as unmatched_total,"
          + " s.mentions_total + coalesce(c.mentions, 0) as mentions_total,"
          + " s.rejected_total + coalesce(c.rejected, 0) as rejected_total, s.created_at"
          + " from listening_source s"
          + SourceCountStore.TOTALS_JOIN;

  private final JdbcClient jdbc;

  SourceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long create(String name, SourceKind kind, String config, String tokenHash, int pollSeconds) {
    jdbc.sql(
            """
            insert into listening_source (name, kind, config, token_hash, poll_seconds,
              next_run_at, created_at)
            values (:name, :kind, :config, :hash, :poll, :now, :now)
            """)
        .param("name", name)
        .param("kind", kind.name())
        .param("config", config)
        .param("hash", tokenHash)
        .param("poll", pollSeconds)
        .param("now", Timestamp.from(Instant.now()))
        .update();
    return byName(name).orElseThrow().id();
  }

  List<Source> all() {
    return jdbc.sql("select " + COLUMNS + " order by s.name").query(SourceStore::map).list();
  }

  Source get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("source", id));
  }

  Optional<Source> find(long id) {
    return jdbc.sql("select " + COLUMNS + " where s.id = :id")
        .param("id", id)
        .query(SourceStore::map)
        .optional();
  }

  Optional<Source> byName(String name) {
    return jdbc.sql("select " + COLUMNS + " where s.name = :name")
        .param("name", name)
        .query(SourceStore::map)
        .optional();
  }

  Optional<Source> byTokenHash(String hash) {
    return jdbc.sql("select " + COLUMNS + " where s.token_hash = :h")
        .param("h", hash)
        .query(SourceStore::map)
        .optional();
  }

  /** Sources that should run now: not paused, not push-only, due. */
  List<Source> due(Instant now) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " where s.paused = false and s.kind <> 'WEBHOOK'"
                + " and (s.next_run_at is null or s.next_run_at <= :now) order by s.next_run_at")
        .param("now", Timestamp.from(now))
        .query(SourceStore::map)
        .list();
  }

  /** Saved only after the posts it covers are stored. */
  void saveCursor(long id, String cursor) {
    jdbc.sql("update listening_source set cursor_value = :c where id = :id")
        .param("c", cursor)
        .param("id", id)
        .update();
  }

  void succeeded(long id, Instant at, Instant nextRun) {
    jdbc.sql(
            """
            update listening_source set last_success_at = :at, failures = 0, next_run_at = :next
            where id = :id
            """)
        .param("at", Timestamp.from(at))
        .param("next", Timestamp.from(nextRun))
        .param("id", id)
        .update();
  }

  void failed(long id, Instant at, String message, Instant nextRun, boolean countFailure) {
    jdbc.sql(
            """
update listening_source set last_error_at = :at, last_error = :msg, next_run_at = :next,
  failures = failures + :inc where id = :id
""")
        .param("at", Timestamp.from(at))
        .param("msg", PostValidator.excerpt(message, 1990))
        .param("next", Timestamp.from(nextRun))
        .param("inc", countFailure ? 1 : 0)
        .param("id", id)
        .update();
  }

  void setPaused(long id, boolean paused) {
    jdbc.sql("update listening_source set paused = :p, next_run_at = :now where id = :id")
        .param("p", paused)
        .param("now", Timestamp.from(Instant.now()))
        .param("id", id)
        .update();
  }

  void delete(long id) {
    jdbc.sql("delete from listening_source where id = :id").param("id", id).update();
    jdbc.sql("delete from listening_source_count where source_id = :id").param("id", id).update();
  }

  private static Source map(ResultSet rs, int n) throws SQLException {
    return new Source(
        rs.getLong("id"),
        rs.getString("name"),
        SourceKind.valueOf(rs.getString("kind")),
        rs.getString("config"),
        rs.getString("cursor_value"),
        rs.getBoolean("paused"),
        rs.getInt("poll_seconds"),
        instant(rs.getTimestamp("next_run_at")),
        rs.getInt("failures"),
        instant(rs.getTimestamp("last_success_at")),
        instant(rs.getTimestamp("last_error_at")),
        rs.getString("last_error"),
        rs.getLong("posts_total"),
        rs.getLong("unmatched_total"),
        rs.getLong("mentions_total"),
        rs.getLong("rejected_total"),
        instant(rs.getTimestamp("created_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
