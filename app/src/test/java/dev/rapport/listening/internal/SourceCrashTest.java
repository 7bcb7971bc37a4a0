package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.rapport.listening.internal.CrashPoints.Point;
import dev.rapport.support.PersistenceTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Each connector's run killed between fetch and store, and after store before its cursor is saved
 * (a thrown {@link CrashPoints.Crash}, then a fresh run on the same database): every post is stored
 * exactly once and the cursor ends where the last post is.
 */
@PersistenceTest
class SourceCrashTest {

  @Autowired SourceAdmin admin;
  @Autowired SourceStore store;
  @Autowired ListeningRules rules;
  @Autowired CrashPoints crashes;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired ListeningProperties props;

  String word;
  String name;

  long start(String kind, String config) {
    rules.create("crash " + word, word, true);
    crashes.arm(name, point);
    return admin.create(name, kind, json.readTree(config), 600).source().id();
  }

  Point point;

  void setUp(Point point) {
    this.point = point;
    word = "zorbc" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    name = "crash-" + word;
  }

  List<String> stored(long sourceId) {
    return jdbc.sql("select native_id from listening_mention where source_id = :s")
        .param("s", sourceId)
        .query(String.class)
        .list();
  }

  /** After the crash, the source runs again at once instead of after its backoff. */
  void crashedThenRunAgain(long sourceId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> crashes.fired(name) == point);
    await().atMost(Duration.ofSeconds(10)).until(() -> store.get(sourceId).lastError() != null);
    assertThat(store.get(sourceId).lastError()).contains("simulated crash " + point);
    // a run that is still finishing would set its own next run time after ours
    await().atMost(Duration.ofSeconds(20)).until(() -> !admin.get(sourceId).running());
    jdbc.sql("update listening_source set next_run_at = :t where id = :id")
        .param("t", Timestamp.from(Instant.now().minusSeconds(1)))
        .param("id", sourceId)
        .update();
  }

  void storedExactlyOnce(long sourceId, List<String> expected, Supplier<String> cursor, String c) {
    await().atMost(Duration.ofSeconds(30)).until(() -> c.equals(cursor.get()));
    assertThat(stored(sourceId)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(Point.class)
  void mastodonLosesAndDoublesNothing(Point at) throws Exception {
    setUp(at);
    try (MastodonLoopback server = new MastodonLoopback(word)) {
      List<String> ids = server.publish(45);
      long id =
          start(
              "MASTODON",
              "{\"instance\":\""
                  + server.base()
                  + "\",\"mode\":\"hashtag\",\"tag\":\""
                  + word
                  + "\",\"backfill\":100}");
      crashedThenRunAgain(id);
      storedExactlyOnce(
          id,
          ids.stream().map(MastodonLoopback::uri).toList(),
          () -> store.get(id).cursor(),
          ids.get(44));
    }
  }

  @ParameterizedTest
  @EnumSource(Point.class)
  void jetstreamLosesAndDoublesNothing(Point at) throws Exception {
    setUp(at);
    String did = "did:plc:" + word;
    List<String> events = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    long t = 1_763_900_000_000_000L;
    for (int i = 0; i < 5; i++) {
      events.add(
          JetstreamFidelityTest.post(
              did,
              t + i,
              "k" + i,
              "create",
              "{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-11-23T10:00:00.000Z\","
                  + "\"langs\":[\"en\"],\"text\":\"post "
                  + i
                  + " "
                  + word
                  + "\"}"));
      expected.add("at://" + did + "/app.bsky.feed.post/k" + i);
    }
    try (TinyWebSocketServer ws = new TinyWebSocketServer(events, JetstreamFidelityTest::replays)) {
      long id = start("JETSTREAM", "{\"endpoint\":\"ws://127.0.0.1:" + ws.port() + "/subscribe\"}");
      crashedThenRunAgain(id);
      storedExactlyOnce(id, expected, () -> store.get(id).cursor(), Long.toString(t + 4));
      admin.pause(id);
    }
  }

  @ParameterizedTest
  @EnumSource(Point.class)
  void feedLosesAndDoublesNothing(Point at) throws Exception {
    setUp(at);
    StringBuilder rss =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Crash</title>");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String guid = "urn:" + word + ":" + i;
      rss.append("<item><guid>")
          .append(guid)
          .append("</guid><title>Item ")
          .append(i)
          .append(' ')
          .append(word)
          .append("</title><pubDate>Mon, 23 Nov 2026 09:00:0")
          .append(i)
          .append(" GMT</pubDate></item>");
      expected.add(guid);
    }
    rss.append("</channel></rss>");
    byte[] body = rss.toString().getBytes(StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/feed.rss",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
          ex.getResponseHeaders().add("ETag", "\"" + word + "\"");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try {
      long id =
          start(
              "FEED",
              "{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/feed.rss\"}");
      crashedThenRunAgain(id);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> store.get(id).cursor() != null && store.get(id).cursor().contains(word));
      assertThat(stored(id)).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      server.stop(0);
    }
  }

  @ParameterizedTest
  @EnumSource(Point.class)
  void fileReplayLosesAndDoublesNothing(Point at) throws Exception {
    setUp(at);
    Path dir = Path.of(props.fileDir());
    Files.createDirectories(dir);
    StringBuilder lines = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String nativeId = word + "-" + i;
      lines
          .append("{\"network\":\"mastodon\",\"id\":\"")
          .append(nativeId)
          .append("\",\"author\":{\"handle\":\"@a\"},\"text\":\"")
          .append(word)
          .append(" ")
          .append(i)
          .append("\",\"createdAt\":\"2026-11-01T10:00:00Z\"}\n");
      expected.add(nativeId);
    }
    Files.writeString(dir.resolve(word + ".jsonl"), lines.toString());
    long id = start("FILE", "{\"path\":\"" + word + ".jsonl\",\"format\":\"jsonl\"}");
    crashedThenRunAgain(id);
    storedExactlyOnce(id, expected, () -> store.get(id).cursor(), "6");
  }
}
