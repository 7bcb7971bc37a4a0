package dev.rapport.listening.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with jitter: base·2^(failures-1), capped, then a random 50-100% of it. */
final class Backoff {

  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;

  Backoff(Duration base, Duration max, RandomGenerator random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  Duration after(int failures) {
    int exp = Math.max(0, Math.min(30, failures - 1));
    long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << exp));
    long jittered = ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
    return Duration.ofMillis(Math.max(1, jittered));
  }
}
