package dev.rapport.listening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP GET for connectors: every URL and every redirect hop through the {@link UrlGuard}, which
 * resolves the host once; the connection goes to that checked address (the host name still names
 * the server: Host header, TLS SNI and certificate check), so a DNS answer that changes between
 * check and connect is never used. A bounded body, and rate-limit answers (429, 503 + Retry-After,
 * X-RateLimit-Remaining: 0) turned into {@link RateLimited} with the time to come back.
 */
final class GuardedHttp {

  /** A response whose body was read in full (within the limit). */
  record Response(int status, HttpHeaders headers, byte[] body, URI uri, Instant notBefore) {
    Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  /** One answer as read: the body is null when it was longer than the limit. */
  private record Raw(int status, HttpHeaders headers, byte[] body) {}

  private static final int MAX_REDIRECTS = 5;
  private final UrlGuard guard;
  private final int maxBytes;
  private final Duration connectTimeout;

  GuardedHttp(UrlGuard guard, int maxBytes) {
    this(guard, maxBytes, Duration.ofSeconds(10));
  }

  GuardedHttp(UrlGuard guard, int maxBytes, Duration connectTimeout) {
    this.guard = guard;
    this.maxBytes = maxBytes;
    this.connectTimeout = connectTimeout;
  }

  Response get(URI uri, Map<String, String> headers)
      throws IOException, InterruptedException, RateLimited {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      UrlGuard.Target target = guard.target("url", current);
      Raw r = fetch(target, headers);
      int status = r.status();
      if (status >= 300 && status < 400 && status != 304) {
        String location =
            r.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IOException("redirect " + status + " without Location"));
        current = current.resolve(location);
        continue;
      }
      Instant retryAt = retryAt(r.headers(), status);
      if (status == 429 || (status == 503 && retryAt != null)) {
        Instant when = retryAt != null ? retryAt : Instant.now().plusSeconds(60);
        throw new RateLimited(when, "rate limited (HTTP " + status + ") until " + when);
      }
      if (r.body() == null) {
        throw new IOException(
            "response from " + current + " is larger than " + maxBytes + " bytes");
      }
      if (status >= 400) {
        throw new IOException("HTTP " + status + " from " + current);
      }
      return new Response(status, r.headers(), r.body(), current, retryAt);
    }
    throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + uri);
  }

  /**
   * One POST of a body to the checked address of {@code uri} (the guard checks it under {@code
   * field}); redirects are not followed, since a write must not be replayed elsewhere. Any status
   * is returned for the caller to read; a body longer than the limit is an error.
   */
  Response post(String field, URI uri, Map<String, String> headers, String contentType, byte[] body)
      throws IOException {
    UrlGuard.Target target = guard.target(field, uri);
    org.apache.hc.client5.http.classic.methods.HttpPost post =
        new org.apache.hc.client5.http.classic.methods.HttpPost(target.uri());
    post.setHeader("User-Agent", "Rapport/0.1 (+https://rapport.dev)");
    headers.forEach(post::setHeader);
    post.setEntity(
        new org.apache.hc.core5.http.io.entity.ByteArrayEntity(
            body, org.apache.hc.core5.http.ContentType.parse(contentType)));
    Raw r;
    try (CloseableHttpClient http = pinnedClient(target, Timeout.ofSeconds(30))) {
      r = http.execute(post, this::read);
    }
    if (r.body() == null) {
      throw new IOException("response from " + uri + " is larger than " + maxBytes + " bytes");
    }
    return new Response(r.status(), r.headers(), r.body(), uri, null);
  }

  /** One GET to the target's checked address; the host name is resolved to that address only. */
  private Raw fetch(UrlGuard.Target target, Map<String, String> headers) throws IOException {
    try (CloseableHttpClient http = pinnedClient(target, Timeout.ofSeconds(30))) {
      return http.execute(request(target, headers), this::read);
    }
  }

  /**
   * An open response body that is read as it arrives (server-sent events), from the checked address
   * like every other request. Closing it closes the connection.
   */
  record Stream(int status, InputStream body) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /**
   * Opens a long-lived GET (a streaming API) to the checked address of {@code uri}, which the guard
   * checks under {@code field}; no redirects. The stream fails when nothing arrives for {@code
   * idle} (Mastodon's streaming server sends a heartbeat comment every 15 seconds).
   */
  Stream stream(String field, URI uri, Map<String, String> headers, Duration idle)
      throws IOException {
    UrlGuard.Target target = guard.target(field, uri);
    CloseableHttpClient http = pinnedClient(target, Timeout.of(idle));
    try {
      ClassicHttpResponse response = http.executeOpen(null, request(target, headers), null);
      InputStream content =
          response.getEntity() != null
              ? response.getEntity().getContent()
              : InputStream.nullInputStream();
      InputStream body =
          new java.io.FilterInputStream(content) {
            @Override
            public void close() throws IOException {
              try (http;
                  response) {
                super.close();
              }
            }
          };
      return new Stream(response.getCode(), body);
    } catch (IOException | RuntimeException e) {
      http.close();
      throw e;
    }
  }

  private static HttpGet request(UrlGuard.Target target, Map<String, String> headers) {
    HttpGet get = new HttpGet(target.uri());
    get.setHeader("User-Agent", "Rapport/0.1 (+https://rapport.dev)");
    headers.forEach(get::setHeader);
    return get;
  }

  /** A client whose only name resolution is the guard's answer for the target's host. */
  private CloseableHttpClient pinnedClient(UrlGuard.Target target, Timeout socketTimeout) {
    DnsResolver pinned =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            if (host.equalsIgnoreCase(target.host())) {
              return new InetAddress[] {target.address()};
            }
            throw new UnknownHostException(host + " was not checked by the URL guard");
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        };
    ConnectionConfig timeouts =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(socketTimeout)
            .build();
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(pinned)
                .setDefaultConnectionConfig(timeouts)
                .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(socketTimeout).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
  }

  private Raw read(ClassicHttpResponse response) throws IOException {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header h : response.getHeaders()) {
      map.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
    }
    HttpHeaders headers = HttpHeaders.of(map, (k, v) -> true);
    byte[] body = new byte[0];
    if (response.getEntity() != null) {
      try (InputStream in = response.getEntity().getContent()) {
        body = in.readNBytes(maxBytes + 1);
      }
    }
    return new Raw(response.getCode(), headers, body.length > maxBytes ? null : body);
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
