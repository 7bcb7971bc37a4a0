package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs due sources: one run at a time per source, the cursor saved after each stored batch,
 * failures retried with exponential backoff and jitter, rate limits honoured, paused sources left
 * alone.
 */
@Component
class SourceScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SourceScheduler.class);
  private static final int MAX_IN_FLIGHT = 4;

  private final SourceStore store;
  private final SourceCountStore counts;
  private final Ingest ingest;
  private final ObjectMapper json;
  private final ListeningProperties props;
  private final Map<SourceKind, Connector> connectors;
  private final Backoff backoff;
  private final MentionRevisions revisions;
  private final CrashPoints crashes;
  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private final Set<Long> stopRequested = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService ticker;
  private ExecutorService runners;
  private volatile boolean stopping;

  SourceScheduler(
      SourceStore store,
      SourceCountStore counts,
      Ingest ingest,
      ObjectMapper json,
      ListeningProperties props,
      List<Connector> connectors,
      MentionRevisions revisions,
      CrashPoints crashes) {
    this.revisions = revisions;
    this.crashes = crashes;
    this.store = store;
    this.counts = counts;
    this.ingest = ingest;
    this.json = json;
    this.props = props;
    this.connectors =
        connectors.stream().collect(Collectors.toMap(Connector::kind, Function.identity()));
    this.backoff = new Backoff(props.backoffBase(), props.backoffMax(), new Random());
  }

  Connector connector(SourceKind kind) {
    return connectors.get(kind);
  }

  boolean isRunning(long sourceId) {
    return running.contains(sourceId);
  }

  /** Asks a running source to stop after its current batch (pause). */
  void requestStop(long sourceId) {
    if (running.contains(sourceId)) {
      stopRequested.add(sourceId);
    }
  }

  void tick() {
    try {
      for (Source s : store.due(Instant.now())) {
        if (connectors.containsKey(s.kind()) && running.add(s.id())) {
          runners.execute(() -> runOnce(s.id()));
        }
      }
    } catch (RuntimeException e) {
      log.warn("listening scheduler tick failed: {}", e.getMessage());
    }
  }

  /** Moves the batches' counts rows into their sources' totals (a short transaction each). */
  void foldCounts() {
    try {
      counts.fold();
    } catch (RuntimeException e) {
      log.warn("folding source counts failed, trying again later: {}", e.getMessage());
    }
  }

  private void runOnce(long id) {
    try {
      Source source = store.find(id).orElse(null);
      if (source == null || source.paused()) {
        return;
      }
      RunSink sink = new RunSink(source);
      try {
        JsonNode config = json.readTree(source.config());
        connectors.get(source.kind()).run(source, config, sink);
        sink.drain(0);
        Instant next =
            sink.notBefore != null
                ? sink.notBefore
                : Instant.now().plusSeconds(Math.max(1, source.pollSeconds()));
        store.succeeded(id, Instant.now(), next);
      } catch (RateLimited e) {
        store.failed(id, Instant.now(), e.getMessage(), e.retryAt(), false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable e) {
        // The batches handed over before the failure are still queued or being stored: a retry
        // reads from the saved cursor again, so it must not start while they run, or two workers
        // would insert the same posts at once and wait on each other's locks.
        try {
          sink.settle();
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
        Source now = store.find(id).orElse(source);
        Duration wait = backoff.after(now.failures() + 1);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        log.info("source '{}' failed, retrying in {}: {}", source.name(), wait, message);
        store.failed(id, Instant.now(), message, Instant.now().plus(wait), true);
      }
    } finally {
      stopRequested.remove(id);
      running.remove(id);
    }
  }

  /**
   * Lets a source read ahead while earlier batches are classified and stored (up to the queue's
   * bound), and saves cursors strictly in order, each only once its batch and all before it are
   * stored.
   */
  private final class RunSink implements Connector.Sink {
    private final Source source;
    private final java.util.ArrayDeque<Map.Entry<CompletableFuture<?>, String>> inFlight =
        new java.util.ArrayDeque<>();
    private volatile String cursor;
    private volatile String deliveredCursor;
    private volatile Throwable failure;
    private Instant notBefore;

    RunSink(Source source) {
      this.source = source;
      this.cursor = source.cursor();
    }

    @Override
    public String cursor() {
      return deliveredCursor != null ? deliveredCursor : cursor;
    }

    @Override
    public void deliver(
        List<NormalizedPost> posts, List<Ingest.Rejected> rejected, String cursorAfter)
        throws InterruptedException {
      throwIfFailed();
      crashes.at(source.name(), CrashPoints.Point.BEFORE_STORE);
      CompletableFuture<?> stored = ingest.submit(source, posts, rejected, null);
      synchronized (this) {
        inFlight.add(new java.util.AbstractMap.SimpleEntry<>(stored, cursorAfter));
      }
      if (cursorAfter != null) {
        deliveredCursor = cursorAfter;
      }
      // as soon as a batch and all before it are stored, its cursor is saved
      stored.whenComplete((ok, error) -> saveStoredPrefix());
      drain(MAX_IN_FLIGHT);
    }

    /** Waits until no more than {@code keep} batches are in flight; rethrows a store failure. */
    void drain(int keep) throws InterruptedException {
      while (true) {
        CompletableFuture<?> head;
        synchronized (this) {
          if (inFlight.size() <= keep) {
            break;
          }
          head = inFlight.peek().getKey();
        }
        try {
          head.get();
        } catch (java.util.concurrent.ExecutionException e) {
          // recorded by saveStoredPrefix; thrown below
        }
        saveStoredPrefix();
        throwIfFailed();
      }
      throwIfFailed();
    }

    /** Waits until every batch handed over in this run is stored or has failed. */
    void settle() throws InterruptedException {
      List<CompletableFuture<?>> left;
      synchronized (this) {
        left = inFlight.stream().<CompletableFuture<?>>map(Map.Entry::getKey).toList();
      }
      for (CompletableFuture<?> f : left) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          // its failure is this run's failure, or comes after it; either way nothing is saved
        }
      }
    }

    private synchronized void saveStoredPrefix() {
      if (failure != null) {
        // no cursor after a failed batch is saved; the batches after it stay listed for settle()
        return;
      }
      String save = null;
      while (!inFlight.isEmpty() && inFlight.peek().getKey().isDone()) {
        Map.Entry<CompletableFuture<?>, String> head = inFlight.poll();
        if (head.getKey().isCompletedExceptionally()) {
          try {
            head.getKey().join();
          } catch (RuntimeException e) {
            failure = e.getCause() != null ? e.getCause() : e;
          }
          break;
        }
        if (head.getValue() != null) {
          save = head.getValue();
        }
      }
      if (save != null) {
        try {
          crashes.at(source.name(), CrashPoints.Point.BEFORE_CURSOR);
        } catch (CrashPoints.Crash e) {
          failure = e;
          return;
        }
        store.saveCursor(source.id(), save);
        cursor = save;
      }
    }

    private void throwIfFailed() {
      Throwable f = failure;
      if (f != null) {
        throw new Ingest.StoreFailed(f);
      }
    }

    @Override
    public void edited(NormalizedPost post) throws InterruptedException {
      drain(0);
      if (!revisions.edit(post)) {
        deliver(List.of(post), List.of(), null);
      }
    }

    @Override
    public void deleted(String network, String nativeId, String remoteId)
        throws InterruptedException {
      drain(0);
      revisions.delete(network, nativeId, source.id(), remoteId);
    }

    @Override
    public void notBefore(Instant when) {
      notBefore = when;
    }

    @Override
    public boolean stopped() {
      // a failed batch ends the run (the next run reads again from the saved cursor)
      return stopping || stopRequested.contains(source.id()) || failure != null;
    }
  }

  @Override
  public void start() {
    stopping = false;
    runners =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "listening-source");
              t.setDaemon(true);
              return t;
            });
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "listening-scheduler");
              t.setDaemon(true);
              return t;
            });
    if (props.schedulerEnabled()) {
      long ms = Math.max(50, props.tick().toMillis());
      ticker.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }
    ticker.scheduleWithFixedDelay(this::foldCounts, 10, 10, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    stopping = true;
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (runners != null) {
      runners.shutdown();
      try {
        runners.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      runners.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return ticker != null && !ticker.isShutdown();
  }
}
