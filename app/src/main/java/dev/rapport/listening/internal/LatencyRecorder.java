package dev.rapport.listening.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Post-to-mention latency (from entering the ingest queue to the committed mention), in millisecond
 * buckets up to a minute, so percentiles cost no allocation per post.
 */
final class LatencyRecorder {

  private static final int MAX_MS = 60_000;
  private final AtomicLongArray buckets = new AtomicLongArray(MAX_MS + 1);

  void record(long nanos) {
    buckets.incrementAndGet((int) Math.min(MAX_MS, Math.max(0, nanos / 1_000_000)));
  }

  long count() {
    long n = 0;
    for (int i = 0; i <= MAX_MS; i++) {
      n += buckets.get(i);
    }
    return n;
  }

  /** The q-quantile in milliseconds (q in 0..1), or -1 when nothing was recorded. */
  long percentileMillis(double q) {
    long total = count();
    if (total == 0) {
      return -1;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i <= MAX_MS; i++) {
      seen += buckets.get(i);
      if (seen >= rank && seen > 0) {
        return i;
      }
    }
    return MAX_MS;
  }

  void reset() {
    for (int i = 0; i <= MAX_MS; i++) {
      buckets.set(i, 0);
    }
  }
}
