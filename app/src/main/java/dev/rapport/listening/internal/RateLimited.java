package dev.rapport.listening.internal;

import java.time.Instant;

/** The remote asked us to wait (429, 503 with Retry-After, or an exhausted X-RateLimit). */
final class RateLimited extends Exception {

  private final Instant retryAt;

  RateLimited(Instant retryAt, String message) {
    super(message);
    this.retryAt = retryAt;
  }

  Instant retryAt() {
    return retryAt;
  }
}
