package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.rapport.shared.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard resolved a host and the HTTP client resolved it again: a DNS server that answers a
 * public address first and a loopback one second (rebinding) got Rapport to call into its own
 * network. The connection now goes to the address the guard checked. A resolver stub plays the DNS
 * server; a loopback HTTP server is the internal service it points at.
 */
class GuardedHttpTest {

  private HttpServer server;
  private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private int port;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
          if (exchange.getRequestURI().getPath().equals("/redirect")) {
            exchange.getResponseHeaders().add("Location", "http://inside.test:" + port + "/");
            exchange.sendResponseHeaders(302, -1);
          } else {
            byte[] ok = "internal".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
          }
          exchange.close();
        });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  /**
   * A DNS server that answers {@code first} to the first lookup and loopback to every later one.
   */
  private UrlGuard.Resolver rebinding(String first) {
    return host -> {
      int n = lookups.incrementAndGet();
      return new InetAddress[] {
        n == 1 ? InetAddress.getByName(first) : InetAddress.getLoopbackAddress()
      };
    };
  }

  @Test
  void aHostThatRebindsToLoopbackAfterTheCheckIsNeverCalledOnLoopback() {
    // 192.0.2.1 (TEST-NET-1) passes the check; nothing answers there
    UrlGuard guard = new UrlGuard(List.of(), rebinding("192.0.2.1"));
    GuardedHttp http = new GuardedHttp(guard, 1000, Duration.ofMillis(500));

    assertThatThrownBy(() -> http.get(URI.create("http://rebind.test:" + port + "/"), Map.of()))
        .isInstanceOf(IOException.class);

    assertThat(hostHeaders).as("requests that reached the loopback server").isEmpty();
    assertThat(lookups).hasValue(1);
  }

  @Test
  void theRequestGoesToTheCheckedAddressUnderItsHostName() throws Exception {
    UrlGuard guard =
        new UrlGuard(
            List.of("pinned.test:" + port),
            host -> {
              if (lookups.incrementAndGet() > 1) {
                throw new UnknownHostException("a second lookup of " + host);
              }
              return new InetAddress[] {InetAddress.getLoopbackAddress()};
            });
    GuardedHttp http = new GuardedHttp(guard, 1000);

    GuardedHttp.Response r = http.get(URI.create("http://pinned.test:" + port + "/"), Map.of());

    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("internal");
    assertThat(hostHeaders).containsExactly("pinned.test:" + port);
    assertThat(lookups).hasValue(1);
  }

  @Test
  void aRedirectIsCheckedAgainAndRefusedWhenItPointsInside() {
    UrlGuard guard =
        new UrlGuard(
            List.of("outside.test:" + port),
            host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
    GuardedHttp http = new GuardedHttp(guard, 1000);

    assertThatThrownBy(
            () -> http.get(URI.create("http://outside.test:" + port + "/redirect"), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("inside.test")
        .hasMessageContaining("loopback");
    assertThat(hostHeaders).containsExactly("outside.test:" + port);
  }
}
