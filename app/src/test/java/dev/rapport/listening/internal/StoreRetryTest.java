package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.listening.NormalizedPost;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The crash test (bench/crash.sh) showed the two ingest workers' batch transactions racing on the
 * same new authors' identities (H2: deadlocks, lock timeouts, unique violations): each lost race
 * failed the whole source run. A batch that lost a race is now run again.
 */
class StoreRetryTest {

  @Test
  void aBatchThatLostLockRacesIsRunAgainUntilItCommits() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        StoreRetries.retryingRaces(
            5,
            () -> {
              int n = calls.incrementAndGet();
              if (n == 1) {
                throw new CannotAcquireLockException("Timeout trying to lock table");
              }
              if (n == 2) {
                throw new PessimisticLockingFailureException("Deadlock detected");
              }
              if (n == 3) {
                throw new DuplicateKeyException("social_identity_handle");
              }
              return "stored";
            });
    assertThat(result).isEqualTo("stored");
    assertThat(calls).hasValue(4);
  }

  @Test
  void aRaceLostEveryTimeIsThrownAfterTheLastAttempt() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                StoreRetries.retryingRaces(
                    3,
                    () -> {
                      calls.incrementAndGet();
                      throw new CannotAcquireLockException("Timeout trying to lock table");
                    }))
        .isInstanceOf(CannotAcquireLockException.class);
    assertThat(calls).hasValue(3);
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                StoreRetries.retryingRaces(
                    5,
                    () -> {
                      calls.incrementAndGet();
                      throw new DataIntegrityViolationException("value too long");
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(calls).hasValue(1);
  }

  private static final NormalizedPost A = TestPosts.post("1", "ann", "Ann", "first", 0);
  private static final NormalizedPost POISON = TestPosts.post("2", "bob", "Bob", "second", 0);
  private static final NormalizedPost C = TestPosts.post("3", "cy", "Cy", "third", 0);

  /** Stores a batch unless it holds the poison post (or throws {@code always} when given). */
  private static IngestQueue.BatchOutcome store(
      List<NormalizedPost> posts, AtomicInteger calls, RuntimeException always) {
    calls.incrementAndGet();
    if (always != null) {
      throw always;
    }
    if (posts.contains(POISON)) {
      throw new DataIntegrityViolationException("value too long for column text");
    }
    return new IngestQueue.BatchOutcome(posts.size(), 0, 0);
  }

  @Test
  void aPostThatCannotBeStoredIsSetAsideAndTheOthersAreStored() {
    AtomicInteger calls = new AtomicInteger();
    List<NormalizedPost> setAside = new ArrayList<>();
    List<RuntimeException> why = new ArrayList<>();

    IngestQueue.BatchOutcome o =
        StoreRetries.storingAlone(
            List.of(A, POISON, C),
            posts -> store(posts, calls, null),
            (p, e) -> {
              setAside.add(p);
              why.add(e);
            });

    assertThat(o.mentions()).isEqualTo(2);
    assertThat(setAside).containsExactly(POISON);
    assertThat(why.get(0)).hasMessageContaining("value too long");
    assertThat(calls).hasValue(4);
  }

  @Test
  void anOutageSetsNothingAsideAndFailsTheWholeBatch() {
    AtomicInteger calls = new AtomicInteger();
    List<NormalizedPost> setAside = new ArrayList<>();
    assertThatThrownBy(
            () ->
                StoreRetries.storingAlone(
                    List.of(A, POISON, C),
                    posts ->
                        store(
                            posts,
                            calls,
                            new CannotGetJdbcConnectionException("connection refused")),
                    (p, e) -> setAside.add(p)))
        .isInstanceOf(CannotGetJdbcConnectionException.class);
    assertThat(setAside).isEmpty();
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFaultThatHitsEveryPostSetsNothingAside() {
    AtomicInteger calls = new AtomicInteger();
    List<NormalizedPost> setAside = new ArrayList<>();
    assertThatThrownBy(
            () ->
                StoreRetries.storingAlone(
                    List.of(A, C),
                    posts -> store(posts, calls, new IllegalStateException("reader fault")),
                    (p, e) -> setAside.add(p)))
        .hasMessage("reader fault");
    assertThat(setAside).isEmpty();
    assertThat(calls).hasValue(3);
  }

  @Test
  void aBatchOfOnePostIsTriedAgainWhole() {
    AtomicInteger calls = new AtomicInteger();
    List<NormalizedPost> setAside = new ArrayList<>();
    assertThatThrownBy(
            () ->
                StoreRetries.storingAlone(
                    List.of(POISON), posts -> store(posts, calls, null), (p, e) -> setAside.add(p)))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(setAside).isEmpty();
    assertThat(calls).hasValue(1);
  }
}
