package dev.rapport.listening.internal;

import dev.rapport.listening.MentionCaptured;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources.IngestOutcome;
import dev.rapport.people.PersonId;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest pipeline: validate (refusals to the dead-letter list), queue with back-pressure,
 * classify, store matched posts as mentions exactly once and publish {@link MentionCaptured} in the
 * same transaction. {@link #accept} returns only when every post is stored, so callers save their
 * cursor after it.
 *
 * <p>In Kafka mode ({@code rapport.listening.mode=kafka}) the queue is a Kafka topic instead: valid
 * posts are produced to it ({@link PostsTopic}) and {@link #accept} returns once the broker has
 * acknowledged them; the {@link KafkaMatchers} consume the topic and call {@link #storeBatch}, the
 * same classify-and-store path the in-process workers run.
 */
@Component
class Ingest implements DisposableBean {

  /** A post a connector could not even normalise: why, and what it sent. */
  record Rejected(String reason, String raw) {}

  /** Thrown when the queue stays full longer than a caller is willing to wait. */
  static final class Busy extends RuntimeException {
    Busy() {
      super("ingest queue is full");
    }
  }

  /** Thrown when storing a batch failed; none of it was kept, so the caller may retry. */
  static final class StoreFailed extends RuntimeException {
    StoreFailed(Throwable cause) {
      super("storing posts failed: " + cause.getMessage(), cause);
    }
  }

  private final PostValidator validator;
  private final PostClassifier classifier;
  private final MentionAuthors authors;
  private final Mentions mentions;
  private final SourceStore sources;
  private static final Logger log = LoggerFactory.getLogger(Ingest.class);

  private final DeadLetters deadLetters;
  private final SourceRates rates;
  private final MentionTouchpoints captured;
  private final IngestMetrics metrics;
  private final TransactionTemplate tx;

  /** The in-process queue; null in Kafka mode. */
  private final IngestQueue queue;

  /** The posts topic in Kafka mode; null in-process. */
  private final PostsTopic topic;

  private final int batchSize;
  private final LatencyRecorder latency = new LatencyRecorder();
  private final AtomicLong postsStored = new AtomicLong();

  Ingest(
      ListeningProperties props,
      PostClassifier classifier,
      MentionAuthors authors,
      Mentions mentions,
      SourceStore sources,
      DeadLetters deadLetters,
      SourceRates rates,
      MentionTouchpoints captured,
      IngestMetrics metrics,
      TransactionTemplate tx,
      ObjectProvider<PostsTopic> topic) {
    this.validator = new PostValidator(props.rawMaxChars());
    this.classifier = classifier;
    this.authors = authors;
    this.mentions = mentions;
    this.sources = sources;
    this.deadLetters = deadLetters;
    this.rates = rates;
    this.captured = captured;
    this.metrics = metrics;
    this.tx = tx;
    this.batchSize = Math.max(1, props.batchSize());
    this.topic = topic.getIfAvailable();
    this.queue =
        this.topic != null
            ? null
            : new IngestQueue(props.queueBatches(), Math.max(1, props.workers()), this::store);
  }

  /** Validates, classifies and stores; blocks while the queue is full. */
  IngestOutcome accept(Source source, List<NormalizedPost> posts, List<Rejected> rejected)
      throws InterruptedException {
    return accept(source, posts, rejected, null);
  }

  /**
   * As {@link #accept(Source, List, List)}; with a {@code maxWait} it throws {@link Busy} instead
   * of waiting longer for room in the queue (the webhook answers 503 then).
   */
  IngestOutcome accept(
      Source source, List<NormalizedPost> posts, List<Rejected> rejected, Duration maxWait)
      throws InterruptedException {
    try {
      return submit(source, posts, rejected, maxWait).get();
    } catch (ExecutionException e) {
      throw new StoreFailed(e.getCause());
    }
  }

  /**
   * Validates now (refusals to the dead-letter list) and enqueues the valid posts, waiting while
   * the queue is full; the future completes when every one of them is stored. In Kafka mode it
   * completes when the broker acknowledged every one of them (acks=all), with zero mentions,
   * unmatched and duplicates: matching happens later, in the matchers.
   */
  CompletableFuture<IngestOutcome> submit(
      Source source, List<NormalizedPost> posts, List<Rejected> rejected, Duration maxWait)
      throws InterruptedException {
    Instant now = Instant.now();
    List<NormalizedPost> valid = new ArrayList<>(posts.size());
    int refused = 0;
    for (Rejected r : rejected) {
      deadLetters.record(source.id(), source.name(), r.reason(), r.raw());
      refused++;
    }
    for (NormalizedPost p : posts) {
      List<FieldError> errors = validator.check(p, "", now);
      if (errors.isEmpty()) {
        valid.add(validator.bounded(p));
      } else {
        deadLetters.record(source.id(), source.name(), describe(errors), p.rawPayload());
        refused++;
      }
    }
    List<CompletableFuture<IngestQueue.BatchOutcome>> pending = new ArrayList<>();
    for (int from = 0; from < valid.size(); from += batchSize) {
      List<NormalizedPost> chunk = valid.subList(from, Math.min(valid.size(), from + batchSize));
      CompletableFuture<IngestQueue.BatchOutcome> f =
          topic != null
              ? topic.publish(source.id(), chunk)
              : maxWait == null
                  ? queue.submit(source.id(), chunk)
                  : queue.offer(source.id(), chunk, maxWait);
      if (f == null) {
        throw new Busy();
      }
      pending.add(f);
    }
    rates.add(source.id(), posts.size() + rejected.size(), System.currentTimeMillis());
    int received = posts.size() + rejected.size();
    int refusedTotal = refused;
    metrics.received(source.id(), received);
    metrics.refused(source.id(), refused);
    return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              IngestQueue.BatchOutcome total = IngestQueue.BatchOutcome.EMPTY;
              for (CompletableFuture<IngestQueue.BatchOutcome> f : pending) {
                total = total.plus(f.join());
              }
              return new IngestOutcome(
                  received, total.mentions(), total.unmatched(), total.duplicates(), refusedTotal);
            });
  }

  /** Refusals of one post, as one line. */
  static String describe(List<FieldError> errors) {
    return errors.stream()
        .map(e -> e.field() + ": " + e.reason())
        .collect(Collectors.joining("; "));
  }

  List<FieldError> validate(NormalizedPost post, String where) {
    return validator.check(post, where, Instant.now());
  }

  /** Attempts of one batch transaction that lost a lock race with another worker. */
  static final int STORE_ATTEMPTS = 5;

  /**
   * Runs {@code body} (one whole transaction), again up to {@code attempts} times in all when it
   * lost a race with a concurrent transaction: a deadlock, a lock timeout, or a unique key the
   * other one inserted first (two workers creating the same author's identity). The failed attempt
   * was rolled back entirely, so the retry stores each post once; any other failure is thrown at
   * once.
   */
  static <T> T retryingRaces(int attempts, Supplier<T> body) {
    for (int attempt = 1; ; attempt++) {
      try {
        return body.get();
      } catch (TransientDataAccessException | DuplicateKeyException e) {
        if (attempt >= attempts) {
          throw e;
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50L * attempt));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Classifies and stores one batch of posts from one source (null: unknown) now, on the calling
   * thread: the path the in-process workers run, used by the Kafka matchers. A post already stored
   * is counted as a duplicate and stores nothing, so a redelivered batch is harmless. Throws when
   * the batch could not be stored; then none of it was kept.
   */
  IngestQueue.BatchOutcome storeBatch(Long sourceId, List<NormalizedPost> posts, long sinceNanos) {
    return store(new IngestQueue.Job(sourceId, List.copyOf(posts), sinceNanos, null));
  }

  private IngestQueue.BatchOutcome store(IngestQueue.Job job) {
    return storingAlone(
        job.posts(),
        posts ->
            storeTogether(
                new IngestQueue.Job(job.sourceId(), posts, job.enqueuedNanos(), job.done())),
        (post, e) ->
            deadLetters.record(
                job.sourceId(),
                job.sourceId() == null
                    ? "ingest"
                    : sources.find(job.sourceId()).map(s -> s.name()).orElse("ingest"),
                "could not be stored ("
                    + e.getClass().getSimpleName()
                    + "): "
                    + String.valueOf(e.getMessage()),
                post.rawPayload()));
  }

  /**
   * Stores a batch with {@code store}. When that fails for a reason other than the database being
   * out of reach or busy, stores each post alone, so that one post that cannot be stored (a value
   * the database refuses, a fault on odd text) does not hold back its source or its Kafka partition
   * for ever: the posts that fail alone go to {@code setAside} with their error, provided that at
   * least one other post of the batch stored. When none does, or the database fails meanwhile, the
   * first error is thrown and the whole batch is tried again later, as before; so an outage or a
   * fault that hits every post sets nothing aside.
   */
  static IngestQueue.BatchOutcome storingAlone(
      List<NormalizedPost> posts,
      java.util.function.Function<List<NormalizedPost>, IngestQueue.BatchOutcome> store,
      java.util.function.BiConsumer<NormalizedPost, RuntimeException> setAside) {
    RuntimeException first;
    try {
      return store.apply(posts);
    } catch (RuntimeException e) {
      if (posts.size() < 2 || outOfReach(e)) {
        throw e;
      }
      first = e;
    }
    IngestQueue.BatchOutcome outcome = IngestQueue.BatchOutcome.EMPTY;
    int stored = 0;
    List<NormalizedPost> failed = new ArrayList<>();
    List<RuntimeException> errors = new ArrayList<>();
    for (NormalizedPost p : posts) {
      try {
        outcome = outcome.plus(store.apply(List.of(p)));
        stored++;
      } catch (RuntimeException e) {
        if (outOfReach(e)) {
          throw e;
        }
        failed.add(p);
        errors.add(e);
      }
    }
    if (stored == 0) {
      throw first;
    }
    for (int i = 0; i < failed.size(); i++) {
      log.warn(
          "a post of {} could not be stored and was set aside: {}",
          failed.get(i).network(),
          errors.get(i).toString());
      setAside.accept(failed.get(i), errors.get(i));
    }
    return outcome;
  }

  /** The database is unreachable, busy or lost a race: worth trying the whole batch again. */
  private static boolean outOfReach(RuntimeException e) {
    return e instanceof TransientDataAccessException
        || e instanceof org.springframework.dao.DataAccessResourceFailureException
        || e instanceof org.springframework.dao.RecoverableDataAccessException
        || e instanceof org.springframework.transaction.TransactionException
        || e instanceof DuplicateKeyException;
  }

  private IngestQueue.BatchOutcome storeTogether(IngestQueue.Job job) {
    // Match and read first, then tie each matched post's author to a person in its own short
    // transaction: a batch transaction that created identities would hold their locks until the
    // whole batch commits and make concurrent workers time out on the same new author.
    List<Classification> classes = new ArrayList<>(job.posts().size());
    List<NormalizedPost> matched = new ArrayList<>();
    for (NormalizedPost p : job.posts()) {
      Classification c = classifier.classify(p);
      classes.add(c);
      if (c.matched()) {
        matched.add(p);
      }
    }
    Map<String, PersonId> authorsByKey = authors.resolveAll(matched);
    IngestQueue.BatchOutcome outcome =
        retryingRaces(STORE_ATTEMPTS, () -> storeOnce(job, classes, authorsByKey));
    metrics.matched(job.sourceId(), matched.size());
    long done = System.nanoTime();
    for (int i = 0; i < outcome.mentions(); i++) {
      latency.record(done - job.enqueuedNanos());
    }
    postsStored.addAndGet(outcome.mentions());
    return outcome;
  }

  private IngestQueue.BatchOutcome storeOnce(
      IngestQueue.Job job, List<Classification> classes, Map<String, PersonId> authorsByKey) {
    return tx.execute(
        status -> {
          Instant now = Instant.now();
          int stored = 0;
          int unmatched = 0;
          int duplicates = 0;
          List<Mentions.NewMention> batch = new ArrayList<>();
          for (int i = 0; i < job.posts().size(); i++) {
            NormalizedPost p = job.posts().get(i);
            Classification c = classes.get(i);
            if (c.matched()) {
              batch.add(new Mentions.NewMention(p, c, authorsByKey.get(MentionAuthors.key(p))));
            } else {
              unmatched++;
            }
          }
          Long[] ids = mentions.storeAll(batch, job.sourceId(), now);
          List<MentionCaptured> news = new ArrayList<>();
          for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
              duplicates++;
              continue;
            }
            stored++;
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
          if (job.sourceId() != null) {
            sources.counted(job.sourceId(), job.posts().size(), unmatched, stored);
          }
          return new IngestQueue.BatchOutcome(stored, unmatched, duplicates);
        });
  }

  LatencyRecorder latency() {
    return latency;
  }

  int queueDepth() {
    return queue == null ? 0 : queue.depth();
  }

  int queueCapacity() {
    return queue == null ? 0 : queue.capacity();
  }

  boolean kafkaMode() {
    return topic != null;
  }

  @Override
  public void destroy() {
    if (queue != null) {
      queue.close();
    }
  }
}
