package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources.IngestOutcome;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Accept and route: validate (refusals to the dead-letter list) and hand the valid posts, in
 * batches, to the queue with back-pressure, where workers classify and store them ({@link
 * MentionBatches}). {@link #accept} returns only when every post is stored, so callers save their
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
  private final MentionBatches batches;
  private final DeadLetterStore deadLetters;
  private final SourceRates rates;
  private final IngestMetrics metrics;

  /** The in-process queue; null in Kafka mode. */
  private final IngestQueue queue;

  /** The posts topic in Kafka mode; null in-process. */
  private final PostsTopic topic;

  private final int batchSize;

  Ingest(
      ListeningProperties props,
      MentionBatches batches,
      DeadLetterStore deadLetters,
      SourceRates rates,
      IngestMetrics metrics,
      ObjectProvider<PostsTopic> topic) {
    this.validator = new PostValidator(props.rawMaxChars());
    this.batches = batches;
    this.deadLetters = deadLetters;
    this.rates = rates;
    this.metrics = metrics;
    this.batchSize = Math.max(1, props.batchSize());
    this.topic = topic.getIfAvailable();
    this.queue =
        this.topic != null
            ? null
            : new IngestQueue(
                props.queueBatches(),
                Math.max(1, props.workers()),
                job -> batches.store(job.sourceId(), job.posts(), job.enqueuedNanos()));
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
    Checked checked = check(posts, null);
    List<Rejected> refused = new ArrayList<>(rejected);
    refused.addAll(checked.refused());
    return submitChecked(source, checked.valid(), refused, maxWait);
  }

  /** Posts validated once: the valid ones (bounded), the refused ones and their field errors. */
  record Checked(List<NormalizedPost> valid, List<Rejected> refused, List<FieldError> errors) {}

  /**
   * Validates each post once; a refused post's errors name its place ({@code wheres}, as
   * "posts[3]", or the post itself when null).
   */
  Checked check(List<NormalizedPost> posts, List<String> wheres) {
    Instant now = Instant.now();
    List<NormalizedPost> valid = new ArrayList<>(posts.size());
    List<Rejected> refused = new ArrayList<>();
    List<FieldError> all = new ArrayList<>();
    for (int i = 0; i < posts.size(); i++) {
      NormalizedPost p = posts.get(i);
      List<FieldError> errors = validator.check(p, wheres == null ? "" : wheres.get(i), now);
      if (errors.isEmpty()) {
        valid.add(validator.bounded(p));
      } else {
        refused.add(new Rejected(describe(errors), p.rawPayload()));
        all.addAll(errors);
      }
    }
    return new Checked(valid, refused, all);
  }

  /**
   * As {@link #accept(Source, List, List, Duration)} for posts already {@link #check checked}: the
   * refused ones go to the dead-letter list, the valid ones are stored.
   */
  IngestOutcome acceptChecked(
      Source source, List<NormalizedPost> valid, List<Rejected> refused, Duration maxWait)
      throws InterruptedException {
    try {
      return submitChecked(source, valid, refused, maxWait).get();
    } catch (ExecutionException e) {
      throw new StoreFailed(e.getCause());
    }
  }

  private CompletableFuture<IngestOutcome> submitChecked(
      Source source, List<NormalizedPost> valid, List<Rejected> rejected, Duration maxWait)
      throws InterruptedException {
    for (Rejected r : rejected) {
      deadLetters.record(source.id(), source.name(), r.reason(), r.raw());
    }
    int refused = rejected.size();
    List<NormalizedPost> posts = valid;
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
    metrics.received(source.id(), received);
    metrics.refused(source.id(), refused);
    int refusedTotal = refused;
    return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              IngestQueue.BatchOutcome total = IngestQueue.BatchOutcome.EMPTY;
              for (CompletableFuture<IngestQueue.BatchOutcome> f : pending) {
                total = total.plus(f.join());
              }
              return new IngestOutcome(
                  received,
                  total.mentions(),
                  total.unmatched(),
                  total.duplicates(),
                  refusedTotal + total.blocked());
            });
  }

  /** Refusals of one post, as one line. */
  static String describe(List<FieldError> errors) {
    return errors.stream()
        .map(e -> e.field() + ": " + e.reason())
        .collect(Collectors.joining("; "));
  }

  /**
   * Classifies and stores one batch now, on the calling thread ({@link MentionBatches#store}): the
   * path the Kafka matchers run.
   */
  IngestQueue.BatchOutcome storeBatch(Long sourceId, List<NormalizedPost> posts, long sinceNanos) {
    return batches.store(sourceId, posts, sinceNanos);
  }

  LatencyRecorder latency() {
    return batches.latency();
  }

  long raceRetries() {
    return batches.raceRetries();
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
