package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.rapport.listening.NormalizedPost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * The streaming connectors (Mastodon's server-sent events, Bluesky's Jetstream WebSocket) used the
 * JDK client, which looks the host up again after the URL guard checked it: a DNS answer that
 * changes in between (rebinding) would have pointed a stream into Rapport's own network. Both now
 * connect to the address the guard checked, under the host's name. A resolver stub plays the DNS
 * server: it answers once and fails every later lookup, so a second lookup fails the test.
 */
class StreamPinningTest {

  private final AtomicInteger lookups = new AtomicInteger();

  /** Answers loopback to the first lookup of any host; a second lookup is an error. */
  private UrlGuard.Resolver once() {
    return host -> {
      if (lookups.incrementAndGet() > 1) {
        throw new UnknownHostException("a second lookup of " + host);
      }
      return new InetAddress[] {InetAddress.getLoopbackAddress()};
    };
  }

  /** Answers {@code first} to the first lookup and loopback to every later one. */
  private UrlGuard.Resolver rebinding(String first) {
    return host -> {
      int n = lookups.incrementAndGet();
      return new InetAddress[] {
        n == 1 ? InetAddress.getByName(first) : InetAddress.getLoopbackAddress()
      };
    };
  }

  private static HttpServer sse(List<String> hosts) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/streaming/public",
        exchange -> {
          hosts.add(exchange.getRequestHeaders().getFirst("Host"));
          byte[] body = ":thump\n\nevent: delete\ndata: 123\n\n".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  @Test
  void theMastodonStreamConnectsToTheCheckedAddressUnderItsHostName() throws Exception {
    List<String> hosts = new CopyOnWriteArrayList<>();
    HttpServer server = sse(hosts);
    int port = server.getAddress().getPort();
    try {
      GuardedHttp http =
          new GuardedHttp(new UrlGuard(List.of("social.test:" + port), once()), 1000);
      RecordingSink sink = new RecordingSink();
      try (MastodonStream stream =
          MastodonStream.open(
              http,
              "http://social.test:" + port,
              new ObjectMapper().readTree("{\"mode\":\"stream\"}"))) {
        stream.read(sink);
      }
      assertThat(sink.deleted).containsExactly("123");
      assertThat(hosts).containsExactly("social.test:" + port);
      assertThat(lookups).hasValue(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aStreamHostThatRebindsToLoopbackAfterTheCheckIsNeverCalledOnLoopback() throws Exception {
    List<String> hosts = new CopyOnWriteArrayList<>();
    HttpServer server = sse(hosts);
    int port = server.getAddress().getPort();
    try {
      // 192.0.2.1 (TEST-NET-1) passes the check; nothing answers there
      GuardedHttp http =
          new GuardedHttp(
              new UrlGuard(List.of(), rebinding("192.0.2.1")), 1000, Duration.ofMillis(500));
      assertThatThrownBy(
              () ->
                  MastodonStream.open(
                      http,
                      "http://rebind.test:" + port,
                      new ObjectMapper().readTree("{\"mode\":\"stream\"}")))
          .isInstanceOf(IOException.class);
      assertThat(hosts).as("requests that reached the loopback server").isEmpty();
      assertThat(lookups).hasValue(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void jetstreamConnectsToTheCheckedAddressUnderItsHostName() throws Exception {
    String event =
        "{\"did\":\"did:plc:pin\",\"time_us\":1763900000001000,\"kind\":\"commit\",\"commit\":"
            + "{\"rev\":\"r\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\","
            + "\"rkey\":\"3pin\",\"record\":{\"$type\":\"app.bsky.feed.post\","
            + "\"createdAt\":\"2026-11-23T10:00:00.000Z\",\"text\":\"pinned hello\"}}}";
    try (TinyWebSocketServer ws = new TinyWebSocketServer(List.of(event))) {
      UrlGuard guard = new UrlGuard(List.of("jetstream.test:" + ws.port()), once());
      JetstreamConnector connector =
          new JetstreamConnector(
              new GuardedHttp(guard, 1000),
              new ObjectMapper(),
              guard,
              new BlueskyHandles(new GuardedHttp(guard, 1000), new ObjectMapper()));
      RecordingSink sink = new RecordingSink();
      sink.stopAfterPosts = 1;
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              connector.run(
                  null,
                  new ObjectMapper()
                      .readTree(
                          "{\"endpoint\":\"ws://jetstream.test:" + ws.port() + "/subscribe\"}"),
                  sink));
      assertThat(sink.posts).extracting(NormalizedPost::text).containsExactly("pinned hello");
      assertThat(ws.requestLines).hasSize(1);
      assertThat(lookups).hasValue(1);
    }
  }

  @Test
  void aJetstreamHostThatRebindsToLoopbackIsNeverCalledOnLoopback() throws Exception {
    try (TinyWebSocketServer ws = new TinyWebSocketServer(List.of("{}"))) {
      UrlGuard guard = new UrlGuard(List.of(), rebinding("192.0.2.1"));
      JetstreamConnector connector =
          new JetstreamConnector(
              new GuardedHttp(guard, 1000),
              new ObjectMapper(),
              guard,
              new BlueskyHandles(new GuardedHttp(guard, 1000), new ObjectMapper()));
      assertThatThrownBy(
              () ->
                  connector.run(
                      null,
                      new ObjectMapper()
                          .readTree(
                              "{\"endpoint\":\"ws://rebind.test:" + ws.port() + "/subscribe\"}"),
                      new RecordingSink()))
          .isInstanceOf(IOException.class);
      assertThat(ws.requestLines).as("connections that reached the loopback server").isEmpty();
      assertThat(lookups).hasValue(1);
    }
  }

  /** Keeps what a connector hands over. */
  private static final class RecordingSink implements Connector.Sink {
    final List<NormalizedPost> posts = new CopyOnWriteArrayList<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    int stopAfterPosts = Integer.MAX_VALUE;

    @Override
    public String cursor() {
      return null;
    }

    @Override
    public void deliver(
        List<NormalizedPost> posts, List<Ingest.Rejected> rejected, String cursorAfter) {
      this.posts.addAll(posts);
    }

    @Override
    public void edited(NormalizedPost post) {}

    @Override
    public void deleted(String network, String nativeId, String remoteId) {
      deleted.add(remoteId);
    }

    @Override
    public void notBefore(Instant when) {}

    @Override
    public boolean stopped() {
      return posts.size() >= stopAfterPosts;
    }
  }
}
