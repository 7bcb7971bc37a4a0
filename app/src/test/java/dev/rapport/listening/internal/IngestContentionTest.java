package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.support.PersistenceTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The crash test stalled on H2 when the ingest workers stored batches of one source at once: every
 * batch updated the source's counter row and held its lock while it wrote the rest, and a lock wait
 * could go on for minutes. Concurrent batches of one source must neither wait on each other nor
 * stall, and a batch whose lock wait runs out is run again.
 */
@PersistenceTest
@TestPropertySource(properties = "rapport.listening.lock-timeout=300ms")
class IngestContentionTest {

  @Autowired MentionBatches batches;
  @Autowired ListeningRules rules;
  @Autowired SourceStore sources;
  @Autowired SourceCountStore counts;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void concurrentBatchesOfOneSourceStoreEveryPostOnceWithoutStalling() throws Exception {
    String word = word();
    rules.create("contention " + word, word, true);
    long source = sources.create("contention " + word, SourceKind.WEBHOOK, "{}", null, 300);
    int workers = 4;
    int batchesEach = 6;
    int perBatch = 50;
    // every worker sends the same posts in a different order, plus unmatched ones of its own
    List<NormalizedPost> shared =
        IntStream.range(0, batchesEach * perBatch)
            .mapToObj(i -> post(word + "-" + i, "@a" + (i % 7) + word + "@x.example", word))
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<IngestQueue.BatchOutcome>> results = new ArrayList<>();
    try {
      for (int w = 0; w < workers; w++) {
        int worker = w;
        for (int b = 0; b < batchesEach; b++) {
          int slot = (b + worker) % batchesEach;
          List<NormalizedPost> batch =
              new ArrayList<>(shared.subList(slot * perBatch, (slot + 1) * perBatch));
          batch.add(post(word + "-unmatched-" + worker + "-" + b, "@u@x.example", "nothing"));
          results.add(pool.submit(() -> batches.store(source, batch, System.nanoTime())));
        }
      }
      int mentions = 0;
      int duplicates = 0;
      for (Future<IngestQueue.BatchOutcome> r : results) {
        IngestQueue.BatchOutcome o = r.get(120, TimeUnit.SECONDS);
        mentions += o.mentions();
        duplicates += o.duplicates();
      }
      assertThat(mentions).isEqualTo(shared.size());
      assertThat(duplicates).isEqualTo(shared.size() * (workers - 1));
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql(
                    "select count(*), count(distinct native_id) from listening_mention"
                        + " where source_id = :s")
                .param("s", source)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single())
        .containsExactly((long) shared.size(), (long) shared.size());
    long received = (long) workers * batchesEach * (perBatch + 1);
    assertTotals(source, received, workers * batchesEach, shared.size());
    counts.fold();
    assertTotals(source, received, workers * batchesEach, shared.size());
    assertThat(
            jdbc.sql("select count(*) from listening_source_count where source_id = :s")
                .param("s", source)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aBatchWhoseLockWaitRunsOutIsRunAgainAndStoresItsPostOnce() throws Exception {
    String word = word();
    rules.create("lock wait " + word, word, true);
    long source = sources.create("lock wait " + word, SourceKind.WEBHOOK, "{}", null, 300);
    NormalizedPost p = post(word + "-held", "@held" + word + "@x.example", word);
    long retriesBefore = batches.raceRetries();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      // another transaction inserted the same post and has not committed: the batch must wait
      try (PreparedStatement ps =
          holder.prepareStatement(
              "insert into listening_mention (network, native_id, author_handle, text,"
                  + " created_at, metrics, rule_ids, spans, readings, captured_at)"
                  + " values (?, ?, 'someone', 'held', ?, '{}', '', '[]', '{}', ?)")) {
        Timestamp now = Timestamp.from(Instant.now());
        ps.setString(1, p.network());
        ps.setString(2, p.nativeId());
        ps.setTimestamp(3, now);
        ps.setTimestamp(4, now);
        ps.executeUpdate();
      }
      Future<IngestQueue.BatchOutcome> stored =
          pool.submit(() -> batches.store(source, List.of(p), System.nanoTime()));
      Thread.sleep(900);
      assertThat(stored).isNotDone();
      holder.rollback();
      assertThat(stored.get(60, TimeUnit.SECONDS).mentions()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(batches.raceRetries()).isGreaterThan(retriesBefore);
    assertThat(
            jdbc.sql("select count(*) from listening_mention where native_id = :id")
                .param("id", p.nativeId())
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  private void assertTotals(long source, long posts, long unmatched, long mentions) {
    Source s = sources.get(source);
    assertThat(List.of(s.postsTotal(), s.unmatchedTotal(), s.mentionsTotal()))
        .containsExactly(posts, unmatched, mentions);
  }

  private static String word() {
    return "kw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private static NormalizedPost post(String id, String handle, String text) {
    return TestPosts.post(id, handle, "Contention", "about " + text, 60);
  }
}
