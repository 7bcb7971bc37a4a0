package dev.rapport.listening.internal;

import dev.rapport.listening.MentionCaptured;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Classify, resolve and store one batch of one source: match every post, tie each matched post's
 * author to a person (own short transactions), then store the mentions, their counts row and their
 * {@link MentionCaptured} events in one short transaction with a bounded lock wait, retried when it
 * lost a lock race ({@link StoreRetries}). A post already stored counts as a duplicate.
 */
@Component
class MentionBatches {

  /** The longest a batch transaction may run before the database cancels its statement. */
  private static final int TX_TIMEOUT_SECONDS = 60;

  private final PostClassifier classifier;
  private final MentionAuthors authors;
  private final MentionStore mentions;
  private final SourceCountStore counts;
  private final SourceStore sources;
  private final DeadLetterStore deadLetters;
  private final MentionTouchpoints captured;
  private final BrandTagCounts brandTags;
  private final IngestMetrics metrics;
  private final TransactionTemplate tx;
  private final JdbcTemplate jdbc;
  private final long lockTimeoutMillis;
  private final LatencyRecorder latency = new LatencyRecorder();
  private final java.util.concurrent.atomic.LongAdder raceRetries =
      new java.util.concurrent.atomic.LongAdder();
  private volatile String lockTimeoutSql;

  MentionBatches(
      ListeningProperties props,
      PostClassifier classifier,
      MentionAuthors authors,
      MentionStore mentions,
      SourceCountStore counts,
      SourceStore sources,
      DeadLetterStore deadLetters,
      MentionTouchpoints captured,
      BrandTagCounts brandTags,
      IngestMetrics metrics,
      TransactionTemplate tx,
      JdbcTemplate jdbc) {
    this.classifier = classifier;
    this.authors = authors;
    this.mentions = mentions;
    this.counts = counts;
    this.sources = sources;
    this.deadLetters = deadLetters;
    this.captured = captured;
    this.brandTags = brandTags;
    this.metrics = metrics;
    this.tx = new TransactionTemplate(tx.getTransactionManager());
    this.tx.setTimeout(TX_TIMEOUT_SECONDS);
    this.jdbc = jdbc;
    this.lockTimeoutMillis = Math.max(1, props.lockTimeout().toMillis());
  }

  /**
   * Classifies and stores one batch of posts from one source (null: unknown) now, on the calling
   * thread: the path the in-process workers and the Kafka matchers run. A post already stored is
   * counted as a duplicate and stores nothing, so a redelivered batch is harmless. A post that
   * cannot be stored while others of its batch can is set aside as a dead letter; otherwise this
   * throws and none of the batch was kept.
   */
  IngestQueue.BatchOutcome store(Long sourceId, List<NormalizedPost> posts, long enqueuedNanos) {
    return StoreRetries.storingAlone(
        List.copyOf(posts),
        some -> storeTogether(sourceId, some, enqueuedNanos),
        (post, e) ->
            deadLetters.record(
                sourceId,
                sourceId == null
                    ? "ingest"
                    : sources.find(sourceId).map(Source::name).orElse("ingest"),
                "could not be stored ("
                    + e.getClass().getSimpleName()
                    + "): "
                    + String.valueOf(e.getMessage()),
                post.rawPayload()));
  }

  LatencyRecorder latency() {
    return latency;
  }

  /**
   * Batch transactions run again since start because they lost a lock race (or waited too long).
   */
  long raceRetries() {
    return raceRetries.sum();
  }

  private IngestQueue.BatchOutcome storeTogether(
      Long sourceId, List<NormalizedPost> posts, long enqueuedNanos) {
    // Match and read first, then tie each matched post's author to a person in its own short
    // transaction: a batch transaction that created identities would hold their locks until the
    // whole batch commits and make concurrent workers time out on the same new author.
    List<MentionStore.NewMention> matched = new ArrayList<>();
    List<NormalizedPost> matchedPosts = new ArrayList<>();
    List<Classification> classes = new ArrayList<>();
    // an erased person's posts are refused here, before an author is resolved or created, and
    // only counted: no dead letter keeps their text
    List<NormalizedPost> heard = authors.notBlocked(posts);
    int blocked = posts.size() - heard.size();
    for (NormalizedPost p : heard) {
      Classification c = classifier.classify(p);
      if (c.matched()) {
        matchedPosts.add(p);
        classes.add(c);
      }
    }
    // resolving updates shared identity rows in short transactions; a lost lock race is retried
    Map<String, PersonId> authorsByKey =
        StoreRetries.retryingRaces(
            StoreRetries.STORE_ATTEMPTS,
            () -> authors.resolveAll(matchedPosts),
            raceRetries::increment);
    for (int i = 0; i < matchedPosts.size(); i++) {
      NormalizedPost p = matchedPosts.get(i);
      matched.add(
          new MentionStore.NewMention(p, classes.get(i), authorsByKey.get(MentionAuthors.key(p))));
    }
    int unmatched = heard.size() - matched.size();
    // brand tags are counted on every heard post, matched or not (their authors are looked up,
    // never created, for posts no rule matched)
    List<BrandTagCounts.Tagged> tagged = brandTags.tagged(heard);
    List<PersonId> taggedAuthors = brandTags.authors(tagged, authorsByKey);
    IngestQueue.BatchOutcome outcome =
        StoreRetries.retryingRaces(
            StoreRetries.STORE_ATTEMPTS,
            () ->
                storeOnce(
                    sourceId, posts.size(), unmatched, blocked, matched, tagged, taggedAuthors),
            raceRetries::increment);
    metrics.matched(sourceId, matched.size());
    if (blocked > 0) {
      metrics.blocked(sourceId, blocked);
    }
    long done = System.nanoTime();
    for (int i = 0; i < outcome.mentions(); i++) {
      latency.record(done - enqueuedNanos);
    }
    return outcome;
  }

  /**
   * One short transaction: the mentions, the events that put them on their authors' timelines, the
   * brand tags of posts not counted before (with their events), and the batch's own counts row (no
   * row shared with other batches, so concurrent workers do not queue on each other).
   */
  private IngestQueue.BatchOutcome storeOnce(
      Long sourceId,
      int received,
      int unmatched,
      int blocked,
      List<MentionStore.NewMention> matched,
      List<BrandTagCounts.Tagged> tagged,
      List<PersonId> taggedAuthors) {
    return tx.execute(
        status -> {
          boundLockWaits();
          Instant now = Instant.now();
          Long[] ids = mentions.storeAll(matched, sourceId, now);
          int stored = publishCaptured(matched, ids);
          brandTags.count(tagged, taggedAuthors, now);
          if (sourceId != null) {
            counts.add(sourceId, received, unmatched, stored, blocked);
          }
          return new IngestQueue.BatchOutcome(stored, unmatched, matched.size() - stored, blocked);
        });
  }

  /**
   * Puts each newly stored mention on its author's timeline, in this transaction (one call, the
   * timeline's batch append); returns how many there were.
   */
  private int publishCaptured(List<MentionStore.NewMention> batch, Long[] ids) {
    List<MentionCaptured> news = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == null) {
        continue;
      }
      NormalizedPost p = batch.get(i).post();
      news.add(
          new MentionCaptured(
              ids[i],
              batch.get(i).author(),
              p.network(),
              p.nativeId(),
              p.author().handle(),
              p.author().profileUrl(),
              p.author().displayName(),
              p.text(),
              p.url(),
              p.createdAt(),
              batch.get(i).classification().ruleIds()));
    }
    captured.captured(news);
    return news.size();
  }

  /**
   * A lock wait in this transaction fails after {@code rapport.listening.lock-timeout} instead of
   * waiting on: PostgreSQL for this transaction only, H2 for the session (its setting has no
   * transaction scope).
   */
  private void boundLockWaits() {
    String sql = lockTimeoutSql;
    if (sql == null) {
      String product =
          jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
      sql =
          product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres")
              ? "set local lock_timeout = '" + lockTimeoutMillis + "ms'"
              : product != null && product.toLowerCase(java.util.Locale.ROOT).contains("h2")
                  ? "set lock_timeout " + lockTimeoutMillis
                  : "";
      lockTimeoutSql = sql;
    }
    if (!sql.isEmpty()) {
      jdbc.execute(sql);
    }
  }
}
