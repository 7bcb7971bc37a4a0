package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Ingest's retry and set-aside rules: a batch transaction that lost a lock race is run again with
 * backoff a bounded number of times; a batch that fails for another reason is stored post by post
 * so that one bad post is set aside (a dead letter) instead of holding back its source for ever.
 */
final class StoreRetries {

  private static final Logger log = LoggerFactory.getLogger(StoreRetries.class);

  /** Attempts of one batch transaction that lost a lock race with another worker. */
  static final int STORE_ATTEMPTS = 5;

  /** The first pause before a retry; it doubles with each attempt, with jitter. */
  private static final long FIRST_PAUSE_MS = 20;

  private StoreRetries() {}

  /**
   * Runs {@code body} (one whole transaction), again up to {@code attempts} times in all when it
   * lost a race with a concurrent transaction: a deadlock, a lock wait that timed out, or a unique
   * key the other one inserted first (two workers creating the same author's identity). The failed
   * attempt was rolled back entirely, so the retry stores each post once; any other failure is
   * thrown at once, and so is the last attempt's.
   */
  static <T> T retryingRaces(int attempts, Supplier<T> body) {
    return retryingRaces(attempts, body, () -> {});
  }

  /** As {@link #retryingRaces(int, Supplier)}, telling {@code onRetry} before each retry. */
  static <T> T retryingRaces(int attempts, Supplier<T> body, Runnable onRetry) {
    for (int attempt = 1; ; attempt++) {
      try {
        return body.get();
      } catch (RuntimeException e) {
        if (!lostRace(e) || attempt >= attempts) {
          throw e;
        }
        long pause = FIRST_PAUSE_MS << Math.min(attempt - 1, 6);
        log.debug("batch lost a lock race (attempt {}), retrying: {}", attempt, e.toString());
        onRetry.run();
        try {
          Thread.sleep(pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * A deadlock, lock timeout, serialization failure or duplicate key: Spring's translation, or the
   * database's own code when a driver's exception was not translated (H2 50200 and 40001,
   * PostgreSQL 55P03, 40P01 and 40001).
   */
  static boolean lostRace(Throwable e) {
    if (e instanceof TransientDataAccessException || e instanceof DuplicateKeyException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = String.valueOf(sql.getSQLState());
        if (sql.getErrorCode() == 50200
            || state.equals("40001")
            || state.equals("40P01")
            || state.equals("55P03")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
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
      Function<List<NormalizedPost>, IngestQueue.BatchOutcome> store,
      BiConsumer<NormalizedPost, RuntimeException> setAside) {
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
  static boolean outOfReach(RuntimeException e) {
    return lostRace(e)
        || e instanceof DataAccessResourceFailureException
        || e instanceof RecoverableDataAccessException
        || e instanceof TransactionException;
  }
}
