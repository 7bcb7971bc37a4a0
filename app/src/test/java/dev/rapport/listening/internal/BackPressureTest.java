package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.listening.NormalizedPost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackPressureTest {

  static NormalizedPost post(int i) {
    return new NormalizedPost(
        "mastodon",
        "id-" + i,
        new NormalizedPost.Author("@a", null, null),
        "text " + i,
        null,
        Instant.parse("2026-11-01T00:00:00Z"),
        null,
        null,
        null,
        null,
        Map.of(),
        null);
  }

  @Test
  void aFastSourceCannotRunAheadOfSlowClassificationByMoreThanTheQueue() throws Exception {
    AtomicInteger maxDepth = new AtomicInteger();
    int capacity = 4;
    IngestQueue[] holder = new IngestQueue[1];
    try (IngestQueue queue =
        new IngestQueue(
            capacity,
            1,
            job -> {
              maxDepth.accumulateAndGet(holder[0].depth(), Math::max);
              try {
                Thread.sleep(2);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new IngestQueue.BatchOutcome(0, job.posts().size(), 0);
            })) {
      holder[0] = queue;
      CompletableFuture<IngestQueue.BatchOutcome> last = null;
      for (int i = 0; i < 200; i++) {
        last = queue.submit(1L, List.of(post(i)));
        assertThat(queue.depth()).isLessThanOrEqualTo(capacity);
      }
      assertThat(last.get().unmatched()).isEqualTo(1);
      assertThat(maxDepth.get()).isLessThanOrEqualTo(capacity);
      assertThat(queue.capacity()).isEqualTo(capacity);
    }
  }

  @Test
  void offerGivesUpWhenTheQueueStaysFull() throws Exception {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    try (IngestQueue queue =
        new IngestQueue(
            1,
            1,
            job -> {
              gate.join();
              return IngestQueue.BatchOutcome.EMPTY;
            })) {
      queue.submit(1L, List.of(post(1)));
      queue.submit(1L, List.of(post(2)));
      assertThat(queue.offer(1L, List.of(post(3)), Duration.ofMillis(50))).isNull();
      gate.complete(null);
    }
  }

  @Test
  void backoffGrowsExponentiallyWithJitterAndIsCapped() {
    Backoff b = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), new Random(7));
    for (int failures = 1; failures <= 12; failures++) {
      long ceiling = Math.min(600_000, 5_000L << (failures - 1));
      for (int k = 0; k < 50; k++) {
        long ms = b.after(failures).toMillis();
        assertThat(ms).isBetween(ceiling / 2, ceiling);
      }
    }
  }

  @Test
  void latencyPercentilesComeFromTheRecordedValues() {
    LatencyRecorder r = new LatencyRecorder();
    for (int i = 1; i <= 100; i++) {
      r.record(i * 1_000_000L);
    }
    assertThat(r.percentileMillis(0.5)).isEqualTo(50);
    assertThat(r.percentileMillis(0.99)).isEqualTo(99);
  }
}
