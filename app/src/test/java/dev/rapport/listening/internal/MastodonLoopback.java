package dev.rapport.listening.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test helper: a Mastodon instance on loopback that pages as docs.joinmastodon.org documents
 * ("Paginating through API responses"), over a growing list of statuses made from a real recorded
 * status:
 *
 * <ul>
 *   <li>{@code limit}: default 20, at most 40;
 *   <li>{@code max_id}: only statuses older than it (the newest of those);
 *   <li>{@code since_id}: only statuses newer than it, but the NEWEST page of them;
 *   <li>{@code min_id}: the page immediately newer than it;
 *   <li>every page is returned newest first, with {@code Link: <...max_id=oldest>; rel="next",
 *       <...min_id=newest>; rel="prev"} when it is not empty.
 * </ul>
 *
 * The streaming API ({@code /api/v1/streaming/hashtag}) is server-sent events: each connection
 * sends the queued events ({@code update}, {@code status.update}, {@code delete}, or anything a
 * test queues), then ends.
 */
final class MastodonLoopback implements AutoCloseable {

  /** Ids of different servers never meet, as native ids are unique across sources. */
  private static final java.util.concurrent.atomic.AtomicLong NEXT_BASE =
      new java.util.concurrent.atomic.AtomicLong(
          113_600_000_000_000_000L + (System.nanoTime() % 1_000_000L) * 1_000_000L);

  final long firstId = NEXT_BASE.getAndAdd(100_000L);

  final List<String> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final ObjectNode template;
  private final List<ObjectNode> statuses = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<String> streamEvents = new LinkedBlockingQueue<>();
  private final String word;

  /** {@code word} is put in every status's text so a rule can match them all. */
  MastodonLoopback(String word) throws IOException {
    this.word = word;
    try (InputStream in = getClass().getResourceAsStream("/listening/mastodon-tag-page.json")) {
      template = (ObjectNode) json.readTree(in.readAllBytes()).get(0);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/timelines/", this::timeline);
    server.createContext("/api/v2/search", this::search);
    server.createContext("/api/v1/streaming/", this::stream);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Publishes {@code n} new statuses, each newer than all before; returns their ids. */
  synchronized List<String> publish(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long id = firstId + statuses.size() + 1;
      ObjectNode s = status(id, "Post number " + (statuses.size() + 1) + " about " + word);
      statuses.add(s);
      ids.add(Long.toString(id));
    }
    return ids;
  }

  /** A status as the API serialises it: the recorded template with this id and text. */
  ObjectNode status(long id, String text) {
    ObjectNode s = template.deepCopy();
    s.put("id", Long.toString(id));
    s.put("created_at", Instant.parse("2026-11-01T00:00:00Z").plusSeconds(id % 100_000).toString());
    s.put("uri", "https://fosstodon.example/users/dana3/statuses/" + id);
    s.put("url", "https://fosstodon.example/@dana3/" + id);
    s.put("in_reply_to_id", (String) null);
    s.put(
        "content",
        "<p>"
            + text
            + " <a href=\"https://fosstodon.example/tags/"
            + word
            + "\" class=\"mention hashtag\" rel=\"tag\">#<span>"
            + word
            + "</span></a></p>");
    return s;
  }

  /** The uri (Rapport's native id) of the status with this id. */
  static String uri(String id) {
    return "https://fosstodon.example/users/dana3/statuses/" + id;
  }

  /** An id newer than every status published so far, and not published. */
  synchronized String unpublishedId(int ahead) {
    return Long.toString(firstId + statuses.size() + ahead);
  }

  /** Queues a server-sent event for the next streaming connection. */
  void queueEvent(String event, String data) {
    streamEvents.add("event: " + event + "\ndata: " + data + "\n\n");
  }

  String toJson(JsonNode node) {
    return json.writeValueAsString(node);
  }

  private void timeline(HttpExchange ex) throws IOException {
    requests.add(ex.getRequestURI().toString());
    Map<String, String> q = query(ex);
    List<ObjectNode> page = page(q);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    link(ex, page);
    send(ex, json.writeValueAsBytes(page));
  }

  private void search(HttpExchange ex) throws IOException {
    requests.add(ex.getRequestURI().toString());
    List<ObjectNode> page = page(query(ex));
    ObjectNode body = json.createObjectNode();
    body.putArray("accounts");
    body.putArray("statuses").addAll(page);
    body.putArray("hashtags");
    ex.getResponseHeaders().add("Content-Type", "application/json");
    send(ex, json.writeValueAsBytes(body));
  }

  /** The documented page: filtered by max_id, since_id and min_id, newest first. */
  private List<ObjectNode> page(Map<String, String> q) {
    int limit = Math.min(40, Math.max(1, Integer.parseInt(q.getOrDefault("limit", "20"))));
    List<ObjectNode> all = new ArrayList<>();
    for (ObjectNode s : statuses) {
      long id = Long.parseLong(s.get("id").asString());
      if (q.containsKey("max_id") && id >= Long.parseLong(q.get("max_id"))) {
        continue;
      }
      if (q.containsKey("since_id") && id <= Long.parseLong(q.get("since_id"))) {
        continue;
      }
      if (q.containsKey("min_id") && id <= Long.parseLong(q.get("min_id"))) {
        continue;
      }
      all.add(s);
    }
    Comparator<ObjectNode> byId =
        Comparator.comparingLong(s -> Long.parseLong(s.get("id").asString()));
    List<ObjectNode> page;
    if (q.containsKey("min_id")) {
      // immediately newer than min_id: the oldest `limit` of them
      page = new ArrayList<>(all.stream().sorted(byId).limit(limit).toList());
    } else {
      // max_id / since_id / nothing: the newest `limit`
      page = new ArrayList<>(all.stream().sorted(byId.reversed()).limit(limit).toList());
    }
    page.sort(byId.reversed());
    return page;
  }

  private void link(HttpExchange ex, List<ObjectNode> page) {
    if (page.isEmpty()) {
      return;
    }
    String path = base() + ex.getRequestURI().getPath();
    Map<String, String> q = new LinkedHashMap<>(query(ex));
    q.remove("max_id");
    q.remove("min_id");
    q.remove("since_id");
    StringBuilder rest = new StringBuilder();
    q.forEach((k, v) -> rest.append(k).append('=').append(v).append('&'));
    String oldest = page.get(page.size() - 1).get("id").asString();
    String newest = page.get(0).get("id").asString();
    ex.getResponseHeaders()
        .add(
            "Link",
            "<"
                + path
                + "?"
                + rest
                + "max_id="
                + oldest
                + ">; rel=\"next\", <"
                + path
                + "?"
                + rest
                + "min_id="
                + newest
                + ">; rel=\"prev\"");
  }

  private void stream(HttpExchange ex) throws IOException {
    requests.add(ex.getRequestURI().toString());
    ex.getResponseHeaders().add("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(":)\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        for (String e; (e = streamEvents.poll(300, TimeUnit.MILLISECONDS)) != null; ) {
          out.write(e.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Map<String, String> query(HttpExchange ex) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void send(HttpExchange ex, byte[] body) throws IOException {
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
