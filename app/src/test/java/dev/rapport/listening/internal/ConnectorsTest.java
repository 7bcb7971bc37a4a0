package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.PersistenceTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/** Every connector against a real server on loopback serving recorded, real-format payloads. */
@PersistenceTest
class ConnectorsTest {

  static HttpServer server;
  static String base;
  static final AtomicInteger notModified = new AtomicInteger();
  static final AtomicInteger limitedHits = new AtomicInteger();

  @Autowired SourceAdmin admin;
  @Autowired SourceStore store;
  @Autowired ListeningRules rules;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired ListeningProperties props;

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/feed.rss",
        ex -> {
          if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
          }
          ex.getResponseHeaders().add("ETag", "\"v1\"");
          ex.getResponseHeaders().add("Last-Modified", "Mon, 23 Nov 2026 09:00:00 GMT");
          send(ex, 200, "application/rss+xml", fixture("rss2-quirks.xml"));
        });
    server.createContext(
        "/blog/atom.xml",
        ex -> send(ex, 200, "application/atom+xml; charset=utf-8", fixture("atom.xml")));
    server.createContext(
        "/api/v1/timelines/tag/zorbtoot",
        ex -> {
          String q = ex.getRequestURI().getQuery();
          ex.getResponseHeaders().add("X-RateLimit-Remaining", "299");
          byte[] body =
              q.contains("since_id=") ? "[]".getBytes() : fixture("mastodon-tag-page.json");
          send(ex, 200, "application/json", body);
        });
    server.createContext(
        "/api/v1/streaming/hashtag",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/event-stream");
          ex.sendResponseHeaders(200, 0);
          ex.getResponseBody().write(fixture("mastodon-stream.txt"));
          ex.getResponseBody().flush();
          ex.close();
        });
    server.createContext(
        "/limited",
        ex -> {
          limitedHits.incrementAndGet();
          ex.getResponseHeaders().add("Retry-After", "3600");
          send(ex, 429, "text/plain", "slow down".getBytes());
        });
    server.createContext(
        "/api/v1/accounts/lookup",
        ex ->
            send(
                ex,
                200,
                "application/json",
                ("{\"id\":\"109000000000000003\",\"username\":\"dana3\",\"acct\":\"dana3\","
                        + "\"display_name\":\"Dana 3\",\"url\":\"https://fosstodon.example/@dana3\","
                        + "\"note\":\"<p>Community lead</p>\",\"followers_count\":123}")
                    .getBytes(StandardCharsets.UTF_8)));
    server.createContext("/broken", ex -> send(ex, 500, "text/plain", "boom".getBytes()));
    server.createContext(
        "/redirect",
        ex -> {
          ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  @BeforeEach
  void rules() {
    if (rules.all().stream().noneMatch(r -> r.name().equals("connector words"))) {
      rules.create(
          "connector words", "zorbfeed, zorbtoot, zorbsky, zorbfile, social crm, live", true);
    }
  }

  static byte[] fixture(String name) {
    try (InputStream in = ConnectorsTest.class.getResourceAsStream("/listening/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  long create(String kind, String config, int poll) {
    return admin
        .create("src-" + UUID.randomUUID(), kind, json.readTree(config), poll)
        .source()
        .id();
  }

  List<Map<String, Object>> mentions(long sourceId) {
    return jdbc.sql(
            "select native_id, author_handle, author_display_name, author_profile_url, text, url,"
                + " created_at, language, reply_to, time_unknown from listening_mention where source_id = :s"
                + " order by native_id")
        .param("s", sourceId)
        .query()
        .listOfRows();
  }

  @Test
  void rssFeedWithQuirksIsReadAndPolledConditionally() {
    long id = create("FEED", "{\"url\":\"" + base + "/feed.rss\"}", 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> mentions(id).size() == 2);
    List<Map<String, Object>> rows = mentions(id);
    Map<String, Object> crm =
        rows.stream()
            .filter(r -> r.get("native_id").equals("tag:blog.example.com,2026:post-101"))
            .findFirst()
            .orElseThrow();
    assertThat((String) crm.get("text"))
        .startsWith("Why social CRM beats cold e-mail & more")
        .doesNotContain("<b>")
        .contains("Listening first");
    assertThat(crm.get("url"))
        .isEqualTo("https://blog.example.com/2026/11/social-crm-beats-cold-email");
    assertThat(crm.get("author_handle")).isEqualTo("Renée Dupont");
    assertThat(crm.get("author_display_name")).isEqualTo("Café Marketing Notes");
    assertThat(crm.get("language")).isEqualTo("fr");
    assertThat(rows)
        .anySatisfy(
            r ->
                assertThat(r.get("native_id"))
                    .isEqualTo("https://blog.example.com/2026/11/undated"));
    // the undated entry is stored at the fetch time and says its time is unknown; a dated one not
    Map<String, Object> undated =
        rows.stream()
            .filter(r -> r.get("native_id").equals("https://blog.example.com/2026/11/undated"))
            .findFirst()
            .orElseThrow();
    assertThat(undated.get("time_unknown")).isEqualTo(true);
    assertThat(
            jdbc.sql(
                    "select count(*) from listening_mention where source_id = :s"
                        + " and time_unknown and created_at > :since")
                .param("s", id)
                .param("since", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(300)))
                .query(Long.class)
                .single())
        .isEqualTo(1L);
    assertThat(crm.get("time_unknown")).isEqualTo(false);
    assertThat(store.get(id).cursor()).contains("\"etag\":\"\\\"v1\\\"\"");
    await().atMost(Duration.ofSeconds(20)).until(() -> notModified.get() >= 1);
    assertThat(mentions(id)).hasSize(2);
    assertThat(store.get(id).unmatchedTotal()).isEqualTo(1);
    assertThat(store.get(id).lastSuccessAt()).isNotNull();
  }

  @Test
  void atomFeedResolvesRelativeLinksAndStripsHtmlTitles() {
    long id = create("FEED", "{\"url\":\"" + base + "/blog/atom.xml\"}", 600);
    await().atMost(Duration.ofSeconds(20)).until(() -> mentions(id).size() == 1);
    Map<String, Object> row = mentions(id).get(0);
    assertThat(row.get("url")).isEqualTo(base + "/blog/posts/zorbfeed-beta");
    assertThat((String) row.get("text")).startsWith("Zorbfeed launches a listening beta");
    assertThat(row.get("author_handle")).isEqualTo("Sam Okafor");
  }

  @Test
  void mastodonHashtagTimelineStoresStatusesAndKeepsNewestIdAsCursor() {
    long id =
        create(
            "MASTODON",
            "{\"instance\":\""
                + base
                + "\",\"mode\":\"hashtag\",\"tag\":\"zorbtoot\","
                + "\"accessToken\":\"secret\"}",
            600);
    await().atMost(Duration.ofSeconds(20)).until(() -> mentions(id).size() == 3);
    // the cursor is saved once the batch's storage completed, a moment after its rows are visible
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(store.get(id).cursor()).isEqualTo("113500000000000003"));
    assertThat(mentions(id))
        .anySatisfy(
            r -> {
              assertThat(r.get("author_handle")).isEqualTo("@dana3@127.0.0.1");
              assertThat(r.get("author_display_name")).isEqualTo("Dana 3 🌿");
              assertThat((String) r.get("text")).isEqualTo("Third & newest #zorbtoot");
              assertThat(r.get("reply_to")).isEqualTo("113400000000000003");
            })
        .anySatisfy(r -> assertThat(r.get("author_handle")).isEqualTo("@dana2@other.example"));
    assertThat(admin.get(id).config().get("accessToken").asString()).isEqualTo("***");
    try {
      assertThat(admin.lookupMastodonAccount(id, "dana3").path("display_name").asString())
          .isEqualTo("Dana 3");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void mastodonStreamingDeliversUpdateEvents() {
    long id =
        create(
            "MASTODON",
            "{\"instance\":\"" + base + "\",\"mode\":\"stream\",\"tag\":\"zorbtoot\"}",
            600);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                mentions(id).stream()
                    .anyMatch(r -> ((String) r.get("text")).startsWith("Live from the stream")));
  }

  @Test
  void jetstreamStoresPostCreatesAndResumesFromItsTimeCursor() throws Exception {
    List<String> events =
        new String(fixture("jetstream-events.jsonl"), StandardCharsets.UTF_8).lines().toList();
    try (TinyWebSocketServer ws = new TinyWebSocketServer(events)) {
      long id =
          create("JETSTREAM", "{\"endpoint\":\"ws://127.0.0.1:" + ws.port() + "/subscribe\"}", 1);
      await().atMost(Duration.ofSeconds(20)).until(() -> mentions(id).size() == 3);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> "1763900000003000".equals(store.get(id).cursor()));
      assertThat(ws.requestLines.get(0)).contains("wantedCollections=app.bsky.feed.post");
      Map<String, Object> reply =
          mentions(id).stream()
              .filter(r -> r.get("native_id").toString().endsWith("3l3qo2vutsw23"))
              .findFirst()
              .orElseThrow();
      assertThat(reply.get("reply_to")).isEqualTo("at://did:plc:abc/app.bsky.feed.post/3kabc");
      assertThat(reply.get("url"))
          .isEqualTo(
              "https://bsky.app/profile/did:plc:eygmaihciaxprqvxpfvl6flk/post/3l3qo2vutsw23");
      admin.pause(id);
      await().atMost(Duration.ofSeconds(10)).until(() -> !admin.get(id).running());
      admin.resume(id);
      await().atMost(Duration.ofSeconds(20)).until(() -> ws.requestLines.size() >= 2);
      assertThat(ws.requestLines.get(1)).contains("cursor=" + (1763900000003000L - 5_000_000L));
      await().atMost(Duration.ofSeconds(5)).until(() -> store.get(id).postsTotal() >= 6);
      assertThat(mentions(id)).hasSize(3);
      admin.pause(id);
    }
  }

  @Test
  void fileReplayOfJsonlCsvAndTweetArchiveResumesFromItsCursor() throws Exception {
    Path dir = Path.of(props.fileDir());
    Files.createDirectories(dir);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(
        dir.resolve(tag + ".jsonl"),
        """
        {"network":"mastodon","id":"%1$s-1","author":{"handle":"@a"},"text":"zorbfile one","createdAt":"2026-11-01T10:00:00Z"}
        not json at all
        {"network":"mastodon","id":"%1$s-2","author":{"handle":"@b"},"text":"nothing","createdAt":"2026-11-01T10:00:00Z"}
        {"network":"mastodon","id":"%1$s-3","author":{"handle":"@c"},"text":"zorbfile three","createdAt":"2026-11-01T10:00:00Z"}
        """
            .formatted(tag));
    Files.writeString(
        dir.resolve(tag + ".csv"),
        String.join(",", FileConnector.CSV_HEADER)
            + "\n"
            + "bluesky,%1$s-c1,@d.bsky.social,D,https://bsky.app/profile/d,\"zorbfile, quoted\",,2026-11-02T09:00:00Z,en,,,,1,2,3\n"
                .formatted(tag)
            + "bluesky,%1$s-c2,,D,,missing handle,,2026-11-02T09:00:00Z,en,,,,,,\n".formatted(tag));
    Files.writeString(
        dir.resolve(tag + "-tweets.js"),
        """
        window.YTD.tweets.part0 = [ {
          "tweet" : { "id_str" : "%1$s9", "full_text" : "RT @x: zorbfile in my archive",
            "created_at" : "Wed Oct 10 20:19:24 +0000 2018", "lang" : "en",
            "favorite_count" : "4", "retweet_count" : "1" } } ]
        """
            .formatted(tag));
    long jsonl = create("FILE", "{\"path\":\"" + tag + ".jsonl\",\"format\":\"jsonl\"}", 600);
    long csv = create("FILE", "{\"path\":\"" + tag + ".csv\",\"format\":\"csv\"}", 600);
    long archive =
        create(
            "FILE",
            "{\"path\":\"" + tag + "-tweets.js\",\"format\":\"tweet-archive\",\"handle\":\"ada\"}",
            600);
    await().atMost(Duration.ofSeconds(20)).until(() -> "4".equals(store.get(jsonl).cursor()));
    assertThat(mentions(jsonl))
        .extracting(r -> r.get("native_id"))
        .containsExactly(tag + "-1", tag + "-3");
    assertThat(store.get(jsonl).rejectedTotal()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> "2".equals(store.get(csv).cursor()));
    assertThat(mentions(csv))
        .singleElement()
        .satisfies(r -> assertThat(r.get("text")).isEqualTo("zorbfile, quoted"));
    assertThat(store.get(csv).rejectedTotal()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> mentions(archive).size() == 1);
    assertThat(mentions(archive).get(0).get("url"))
        .isEqualTo("https://twitter.com/ada/status/" + tag + "9");
    assertThatThrownBy(() -> create("FILE", "{\"path\":\"../../etc/passwd\"}", 600))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("config.path");
  }

  @Test
  void rateLimitedSourceWaitsForRetryAfterAndFailingSourceShowsItsError() {
    long limited = create("FEED", "{\"url\":\"" + base + "/limited\"}", 1);
    long broken = create("FEED", "{\"url\":\"" + base + "/broken\"}", 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> store.get(limited).lastError() != null);
    Source l = store.get(limited);
    assertThat(l.lastError()).contains("rate limited (HTTP 429)");
    assertThat(l.nextRunAt()).isAfter(java.time.Instant.now().plusSeconds(3500));
    assertThat(l.failures()).isZero();
    await().atMost(Duration.ofSeconds(20)).until(() -> store.get(broken).failures() >= 1);
    Source b = store.get(broken);
    assertThat(b.lastError()).contains("HTTP 500");
    assertThat(b.nextRunAt()).isAfter(b.lastErrorAt());
    assertThat(admin.get(broken).health()).isEqualTo("failing");
    admin.pause(broken);
    assertThat(admin.get(broken).health()).isEqualTo("paused");
  }

  @Test
  void redirectToMetadataAddressIsRefused() {
    long id = create("FEED", "{\"url\":\"" + base + "/redirect\"}", 600);
    await().atMost(Duration.ofSeconds(20)).until(() -> store.get(id).lastError() != null);
    assertThat(store.get(id).lastError()).contains("169.254.169.254").contains("link-local");
  }
}
