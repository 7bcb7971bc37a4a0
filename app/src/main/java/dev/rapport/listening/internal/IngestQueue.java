package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The bounded queue between sources and classification. Producers block when it is full, so a
 * source can never run further ahead of matching than {@code capacity} batches: memory stays flat
 * however slow classification is. Plain Java so its back-pressure can be tested on its own.
 */
final class IngestQueue implements AutoCloseable {

  /** Posts from one source waiting to be classified and stored. */
  record Job(
      Long sourceId,
      List<NormalizedPost> posts,
      long enqueuedNanos,
      CompletableFuture<BatchOutcome> done) {}

  /** What storing one batch did. */
  record BatchOutcome(int mentions, int unmatched, int duplicates, int blocked) {
    static final BatchOutcome EMPTY = new BatchOutcome(0, 0, 0, 0);

    /** An outcome with no post refused for an erased author. */
    BatchOutcome(int mentions, int unmatched, int duplicates) {
      this(mentions, unmatched, duplicates, 0);
    }

    BatchOutcome plus(BatchOutcome o) {
      return new BatchOutcome(
          mentions + o.mentions,
          unmatched + o.unmatched,
          duplicates + o.duplicates,
          blocked + o.blocked);
    }
  }

  private static final Job POISON = new Job(null, List.of(), 0, null);

  private final BlockingQueue<Job> queue;
  private final List<Thread> workers = new ArrayList<>();
  private final Function<Job, BatchOutcome> handler;
  private volatile boolean closed;

  IngestQueue(int capacity, int workerCount, Function<Job, BatchOutcome> handler) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.handler = handler;
    for (int i = 0; i < workerCount; i++) {
      Thread t = new Thread(this::work, "ingest-worker-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
  }

  /** Enqueues the batch, waiting while the queue is full (back-pressure on the source). */
  CompletableFuture<BatchOutcome> submit(Long sourceId, List<NormalizedPost> posts)
      throws InterruptedException {
    Job job = new Job(sourceId, List.copyOf(posts), System.nanoTime(), new CompletableFuture<>());
    if (closed) {
      throw new IllegalStateException("ingest is shutting down");
    }
    queue.put(job);
    return job.done();
  }

  /** Like submit, but gives up (null) if there is no room within {@code wait}. */
  CompletableFuture<BatchOutcome> offer(Long sourceId, List<NormalizedPost> posts, Duration wait)
      throws InterruptedException {
    Job job = new Job(sourceId, List.copyOf(posts), System.nanoTime(), new CompletableFuture<>());
    if (closed || !queue.offer(job, wait.toMillis(), TimeUnit.MILLISECONDS)) {
      return null;
    }
    return job.done();
  }

  int depth() {
    return queue.size();
  }

  int capacity() {
    return queue.size() + queue.remainingCapacity();
  }

  private void work() {
    while (true) {
      Job job;
      try {
        job = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (job == POISON) {
        return;
      }
      try {
        job.done().complete(handler.apply(job));
      } catch (Throwable t) {
        job.done().completeExceptionally(t);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread t : workers) {
      t.interrupt();
    }
    for (Job left; (left = queue.poll()) != null; ) {
      if (left.done() != null) {
        left.done().completeExceptionally(new IllegalStateException("ingest shut down"));
      }
    }
  }
}
