package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.support.PersistenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Jetstream as its README documents it, on loopback: {@code commit} events whose {@code record} is
 * an {@code app.bsky.feed.post} (link facets {@code app.bsky.richtext.facet#link}, an {@code
 * app.bsky.embed.external} card, a {@code langs} array), {@code identity} events announcing a DID's
 * handle, update and delete commits, and a {@code cursor} (microseconds) from which it replays.
 */
@PersistenceTest
class JetstreamFidelityTest {

  @Autowired SourceAdmin admin;
  @Autowired SourceStore store;
  @Autowired ListeningRules rules;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  static final Pattern CURSOR = Pattern.compile("[?&]cursor=(\\d+)");

  /** The documented replay: events at or after the cursor, all of them without one. */
  static boolean replays(String requestLine, String event) {
    Matcher m = CURSOR.matcher(requestLine);
    if (!m.find()) {
      return true;
    }
    Matcher t = Pattern.compile("\"time_us\": ?(\\d+)").matcher(event);
    return t.find() && Long.parseLong(t.group(1)) >= Long.parseLong(m.group(1));
  }

  static String post(String did, long timeUs, String rkey, String op, String record) {
    return "{\"did\":\""
        + did
        + "\",\"time_us\":"
        + timeUs
        + ",\"kind\":\"commit\",\"commit\":{"
        + "\"rev\":\"3l3qo2vuowo2b\",\"operation\":\""
        + op
        + "\",\"collection\":"
        + "\"app.bsky.feed.post\",\"rkey\":\""
        + rkey
        + "\""
        + (record == null ? "" : ",\"record\":" + record + ",\"cid\":\"bafyrei" + rkey + "\"")
        + "}}";
  }

  static String identity(String did, long timeUs, String handle) {
    return "{\"did\":\""
        + did
        + "\",\"time_us\":"
        + timeUs
        + ",\"kind\":\"identity\","
        + "\"identity\":{\"did\":\""
        + did
        + "\",\"handle\":\""
        + handle
        + "\",\"seq\":"
        + timeUs % 100000
        + ",\"time\":\"2026-11-23T10:00:00.000Z\"}}";
  }

  String rule(String name, String query) {
    return Long.toString(rules.create(name, query, true, "query").id());
  }

  List<Map<String, Object>> rows(long sourceId) {
    return jdbc.sql(
            "select native_id, author_handle, author_display_name, text, language, rule_ids,"
                + " deleted_at from listening_mention where source_id = :s order by native_id")
        .param("s", sourceId)
        .query()
        .listOfRows();
  }

  Map<String, Object> row(long sourceId, String rkey) {
    return rows(sourceId).stream()
        .filter(r -> r.get("native_id").toString().endsWith("/" + rkey))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void linksLanguagesAndHandlesReachTheRulesAndEditsAndDeletesFollow() throws Exception {
    String w = "zorbj" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String did = "did:plc:" + w + "aaaa";
    String links = rule(w + " facet", "links:shop." + w + ".example");
    String cards = rule(w + " card", "links:news." + w + ".example");
    String portuguese = rule(w + " pt", "lang:pt AND " + w);
    String english = rule(w + " en", "lang:en AND " + w);
    String byHandle = rule(w + " handle", "author:alice." + w + ".test");
    String byNewHandle = rule(w + " new handle", "author:ally." + w + ".test");
    String byDid = rule(w + " did", "author:" + did + " AND bonjour");
    long t = 1_763_900_000_000_000L;
    List<String> events = new ArrayList<>();
    events.add(identity(did, t, "alice." + w + ".test"));
    // the text shows a shortened link; the facet holds the whole URL
    events.add(
        post(
            did,
            t + 1000,
            "r1",
            "create",
            "{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-11-23T10:01:00.000Z\","
                + "\"langs\":[\"en-US\",\"pt-BR\"],\"text\":\"new at shop."
                + w.substring(0, 4)
                + "… "
                + w
                + "\",\"facets\":[{\"index\":{\"byteStart\":7,\"byteEnd\":20},"
                + "\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":"
                + "\"https://shop."
                + w
                + ".example/spring?ref=bsky\"}]}]}"));
    events.add(
        post(
            did,
            t + 2000,
            "r2",
            "create",
            "{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-11-23T10:02:00.000Z\","
                + "\"langs\":[\"de\"],\"text\":\"look at this\",\"embed\":{\"$type\":"
                + "\"app.bsky.embed.external\",\"external\":{\"uri\":\"https://news."
                + w
                + ".example/story\",\"title\":\"Story\",\"description\":\"\"}}}"));
    events.add(identity(did, t + 3000, "ally." + w + ".test"));
    events.add(
        post(
            did,
            t + 4000,
            "r3",
            "create",
            "{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-11-23T10:03:00.000Z\","
                + "\"langs\":[\"fr\"],\"text\":\"bonjour "
                + w
                + "\"}"));
    events.add(
        post(
            did,
            t + 5000,
            "r1",
            "update",
            "{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-11-23T10:01:00.000Z\","
                + "\"langs\":[\"en-US\"],\"text\":\"edited "
                + w
                + "\"}"));
    events.add(post(did, t + 6000, "r2", "delete", null));
    try (TinyWebSocketServer ws = new TinyWebSocketServer(events, JetstreamFidelityTest::replays)) {
      long id =
          admin
              .create(
                  "src-" + w,
                  "JETSTREAM",
                  json.readTree("{\"endpoint\":\"ws://127.0.0.1:" + ws.port() + "/subscribe\"}"),
                  1)
              .source()
              .id();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Long.toString(t + 6000).equals(store.get(id).cursor()));
      await().atMost(Duration.ofSeconds(10)).until(() -> row(id, "r2").get("deleted_at") != null);
      Map<String, Object> r1 = row(id, "r1");
      assertThat(r1.get("rule_ids").toString().split(","))
          .contains(links, portuguese, english, byHandle)
          .doesNotContain(cards, byNewHandle);
      assertThat(r1.get("text")).isEqualTo("edited " + w);
      assertThat(r1.get("language")).isEqualTo("en-US");
      assertThat(r1.get("author_handle")).isEqualTo(did);
      assertThat(r1.get("author_display_name")).isEqualTo("@alice." + w + ".test");
      Map<String, Object> r2 = row(id, "r2");
      assertThat(r2.get("rule_ids").toString().split(",")).contains(cards);
      assertThat(r2.get("text")).isEqualTo("");
      // the handle changed between r1 and r3: r3 matches the new one, not the old one
      Map<String, Object> r3 = row(id, "r3");
      assertThat(r3.get("rule_ids").toString().split(","))
          .contains(byNewHandle, byDid)
          .doesNotContain(byHandle, english, portuguese);
      assertThat(rows(id)).hasSize(3);
    }
  }
}
