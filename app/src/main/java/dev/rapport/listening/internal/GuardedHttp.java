package dev.rapport.listening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP GET for connectors: every URL and every redirect hop through the {@link UrlGuard}, a bounded
 * body, and rate-limit answers (429, 503 + Retry-After, X-RateLimit-Remaining: 0) turned into
 * {@link RateLimited} with the time to come back.
 */
final class GuardedHttp {

  /** A response whose body was read in full (within the limit). */
  record Response(int status, HttpHeaders headers, byte[] body, URI uri, Instant notBefore) {
    Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private static final int MAX_REDIRECTS = 5;
  private final HttpClient client;
  private final UrlGuard guard;
  private final int maxBytes;

  GuardedHttp(UrlGuard guard, int maxBytes) {
    this.guard = guard;
    this.maxBytes = maxBytes;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  HttpClient client() {
    return client;
  }

  Response get(URI uri, Map<String, String> headers)
      throws IOException, InterruptedException, RateLimited {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      guard.check("url", current);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(current).timeout(Duration.ofSeconds(30)).GET();
      request.header("User-Agent", "Rapport/0.1 (+https://rapport.dev)");
      headers.forEach(request::header);
      HttpResponse<InputStream> r =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      int status = r.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        r.body().close();
        String location =
            r.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IOException("redirect " + status + " without Location"));
        current = current.resolve(location);
        continue;
      }
      Instant retryAt = retryAt(r.headers(), status);
      if (status == 429 || (status == 503 && retryAt != null)) {
        r.body().close();
        Instant when = retryAt != null ? retryAt : Instant.now().plusSeconds(60);
        throw new RateLimited(when, "rate limited (HTTP " + status + ") until " + when);
      }
      byte[] body;
      try (InputStream in = r.body()) {
        body = in.readNBytes(maxBytes + 1);
      }
      if (body.length > maxBytes) {
        throw new IOException(
            "response from " + current + " is larger than " + maxBytes + " bytes");
      }
      if (status >= 400) {
        throw new IOException("HTTP " + status + " from " + current);
      }
      return new Response(status, r.headers(), body, current, retryAt);
    }
    throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + uri);
  }

  /**
   * When to come back: Retry-After (seconds or HTTP date), or X-RateLimit-Reset when
   * X-RateLimit-Remaining is 0 (epoch seconds or an ISO date, as Mastodon sends). Null if none.
   */
  static Instant retryAt(HttpHeaders h, int status) {
    Optional<String> retryAfter = h.firstValue("Retry-After");
    if (retryAfter.isPresent() && (status == 429 || status == 503)) {
      String v = retryAfter.get().strip();
      try {
        return Instant.now().plusSeconds(Math.max(0, Long.parseLong(v)));
      } catch (NumberFormatException e) {
        try {
          return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (Exception ignored) {
          return Instant.now().plusSeconds(60);
        }
      }
    }
    Optional<String> remaining = h.firstValue("X-RateLimit-Remaining");
    if (remaining.isPresent() && remaining.get().strip().equals("0") || status == 429) {
      Optional<String> reset = h.firstValue("X-RateLimit-Reset");
      if (reset.isPresent()) {
        String v = reset.get().strip();
        try {
          long n = Long.parseLong(v);
          // small numbers are "seconds from now", large ones epoch seconds
          return n < 1_000_000_000L ? Instant.now().plusSeconds(n) : Instant.ofEpochSecond(n);
        } catch (NumberFormatException e) {
          try {
            return OffsetDateTime.parse(v).toInstant();
          } catch (Exception ignored) {
            return Instant.now().plusSeconds(60);
          }
        }
      }
      return status == 429 ? Instant.now().plusSeconds(60) : null;
    }
    return null;
  }
}
