package dev.rapport.listening.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Posts received per source over the last minute, in six ten-second buckets, for health. */
@Component
class SourceRates {

  private static final long BUCKET_MS = 10_000;
  private final Map<Long, long[]> windows = new ConcurrentHashMap<>();

  void add(long sourceId, int posts, long nowMillis) {
    long[] w = windows.computeIfAbsent(sourceId, k -> new long[12]);
    synchronized (w) {
      long slot = nowMillis / BUCKET_MS;
      int i = (int) (slot % 6);
      if (w[6 + i] != slot) {
        w[6 + i] = slot;
        w[i] = 0;
      }
      w[i] += posts;
    }
  }

  long perMinute(long sourceId, long nowMillis) {
    long[] w = windows.get(sourceId);
    if (w == null) {
      return 0;
    }
    long slot = nowMillis / BUCKET_MS;
    long sum = 0;
    synchronized (w) {
      for (int i = 0; i < 6; i++) {
        if (slot - w[6 + i] < 6) {
          sum += w[i];
        }
      }
    }
    return sum;
  }
}
