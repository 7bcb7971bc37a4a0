package dev.rapport.listening.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A source's running totals without a hot row: each batch (and each dead letter) inserts a counts
 * row of its own, which takes no lock another batch waits for; {@link SourceStore} adds them to the
 * source's totals when it reads, and {@link #fold} moves them into the source row in a short
 * transaction of its own, so the table stays small.
 */
@Component
class SourceCountStore {

  /** The SQL that reads a source's totals: the folded ones plus the rows not yet folded. */
  static final String TOTALS_JOIN =
      """
       left join (select source_id, sum(posts) as posts, sum(unmatched) as unmatched,
         sum(mentions) as mentions, sum(rejected) as rejected
         from listening_source_count group by source_id) c on c.source_id = s.id
      """;

  private static final int FOLD_ROWS = 5000;
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(SourceCountStore.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  SourceCountStore(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  void add(long sourceId, long posts, long unmatched, long mentions, long rejected) {
    jdbc.sql(
            """
            insert into listening_source_count (source_id, posts, unmatched, mentions, rejected)
            values (:s, :p, :u, :m, :r)
            """)
        .param("s", sourceId)
        .param("p", posts)
        .param("u", unmatched)
        .param("m", mentions)
        .param("r", rejected)
        .update();
  }

  private record Row(
      long id, long sourceId, long posts, long unmatched, long mentions, long rejected) {}

  /**
   * Moves committed counts rows into their sources' totals, one short transaction per source. Only
   * the rows read are added and deleted (by id), so a batch committing meanwhile is folded next
   * time, never lost or counted twice. Returns the number of rows folded.
   */
  int fold() {
    List<Row> rows =
        jdbc.sql(
                "select id, source_id, posts, unmatched, mentions, rejected"
                    + " from listening_source_count order by id limit "
                    + FOLD_ROWS)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
            .list();
    rows.stream()
        .collect(java.util.stream.Collectors.groupingBy(Row::sourceId))
        .forEach(
            (source, mine) -> {
              try {
                tx.executeWithoutResult(s -> foldInto(source, mine));
              } catch (RuntimeException e) {
                log.debug("folding the counts of source {} waits for the next round", source, e);
              }
            });
    return rows.size();
  }

  private void foldInto(long sourceId, List<Row> rows) {
    int deleted =
        jdbc.sql("delete from listening_source_count where id in (:ids)")
            .param("ids", rows.stream().map(Row::id).toList())
            .update();
    if (deleted != rows.size()) {
      // another process folded some of them first: roll back, the next fold reads afresh
      throw new IllegalStateException("counts rows folded concurrently");
    }
    jdbc.sql(
            """
            update listening_source set posts_total = posts_total + :p,
              unmatched_total = unmatched_total + :u, mentions_total = mentions_total + :m,
              rejected_total = rejected_total + :r
            where id = :id
            """)
        .param("p", rows.stream().mapToLong(Row::posts).sum())
        .param("u", rows.stream().mapToLong(Row::unmatched).sum())
        .param("m", rows.stream().mapToLong(Row::mentions).sum())
        .param("r", rows.stream().mapToLong(Row::rejected).sum())
        .param("id", sourceId)
        .update();
  }

  void deleteOf(long sourceId) {
    jdbc.sql("delete from listening_source_count where source_id = :s")
        .param("s", sourceId)
        .update();
  }
}
