package dev.rapport.listening.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Refused posts with the reason and an excerpt of what was sent: nothing disappears silently. */
@Component
class DeadLetterStore {

  /** One refused post or body. */
  record DeadLetter(
      long id, Instant at, Long sourceId, String sourceName, String reason, String rawExcerpt) {}

  private final JdbcClient jdbc;
  private final SourceCountStore counts;

  DeadLetterStore(JdbcClient jdbc, SourceCountStore counts) {
    this.jdbc = jdbc;
    this.counts = counts;
  }

  void record(Long sourceId, String sourceName, String reason, String raw) {
    jdbc.sql(
            """
            insert into listening_dead_letter (at, source_id, source_name, reason, raw_excerpt)
            values (:at, :sid, :sname, :reason, :raw)
            """)
        .param("at", Timestamp.from(Instant.now()))
        .param("sid", sourceId)
        .param("sname", PostValidator.excerpt(sourceName, 110))
        .param("reason", PostValidator.excerpt(reason, 1990))
        .param("raw", PostValidator.excerpt(raw, 3000))
        .update();
    if (sourceId != null) {
      counts.add(sourceId, 0, 0, 0, 1);
    }
  }

  List<DeadLetter> recent(Long sourceId, int limit) {
    String where = sourceId == null ? "" : " where source_id = :sid";
    var spec =
        jdbc.sql(
                "select id, at, source_id, source_name, reason, raw_excerpt from"
                    + " listening_dead_letter"
                    + where
                    + " order by id desc limit :limit")
            .param("limit", limit);
    if (sourceId != null) {
      spec = spec.param("sid", sourceId);
    }
    return spec.query(
            (rs, n) ->
                new DeadLetter(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    (Long) rs.getObject(3, Long.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  long count() {
    return jdbc.sql("select count(*) from listening_dead_letter").query(Long.class).single();
  }
}
