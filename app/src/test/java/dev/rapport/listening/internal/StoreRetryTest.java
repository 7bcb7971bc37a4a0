package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;

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
        Ingest.retryingRaces(
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
                Ingest.retryingRaces(
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
                Ingest.retryingRaces(
                    5,
                    () -> {
                      calls.incrementAndGet();
                      throw new DataIntegrityViolationException("value too long");
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(calls).hasValue(1);
  }
}
