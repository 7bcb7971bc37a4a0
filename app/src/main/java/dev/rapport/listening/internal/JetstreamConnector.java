package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.shared.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Bluesky's Jetstream: a WebSocket of JSON events filtered by collection. Post creates become
 * posts; the cursor is the {@code time_us} of the last stored event, and a reconnect resumes from
 * it (rewound a few seconds, as Jetstream advises; duplicates are dropped by the dedupe). Frames
 * are requested one at a time, so a slow ingest slows the socket instead of filling memory.
 */
@Component
class JetstreamConnector implements Connector {

  private static final String POST = "app.bsky.feed.post";
  private static final long REWIND_US = 5_000_000L;
  private static final int BATCH = 100;

  private final GuardedHttp http;
  private final ObjectMapper json;
  private final UrlGuard guard;

  JetstreamConnector(GuardedHttp http, ObjectMapper json, UrlGuard guard) {
    this.http = http;
    this.json = json;
    this.guard = guard;
  }

  @Override
  public SourceKind kind() {
    return SourceKind.JETSTREAM;
  }

  @Override
  public void validate(JsonNode config) {
    String endpoint = FileConnector.text(config, "endpoint");
    if (endpoint == null || !(endpoint.startsWith("ws://") || endpoint.startsWith("wss://"))) {
      throw InvalidInputException.of(
          "config.endpoint", "is required: a ws:// or wss:// Jetstream subscribe URL");
    }
  }

  @Override
  public void run(Source source, JsonNode config, Sink sink) throws Exception {
    StringBuilder url = new StringBuilder(FileConnector.text(config, "endpoint"));
    url.append(url.indexOf("?") < 0 ? '?' : '&');
    List<String> collections = new ArrayList<>();
    config.path("collections").forEach(c -> collections.add(c.asString()));
    if (collections.isEmpty()) {
      collections.add(POST);
    }
    url.append(
        String.join("&", collections.stream().map(c -> "wantedCollections=" + enc(c)).toList()));
    config.path("dids").forEach(d -> url.append("&wantedDids=").append(enc(d.asString())));
    if (sink.cursor() != null) {
      long cursor = Math.max(0, Long.parseLong(sink.cursor()) - REWIND_US);
      url.append("&cursor=").append(cursor);
    }
    URI uri = URI.create(url.toString());
    guard.check("config.endpoint", uri);
    LinkedBlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    Listener listener = new Listener(frames);
    WebSocket ws =
        http.client()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(uri, listener)
            .get(15, TimeUnit.SECONDS);
    try {
      List<NormalizedPost> posts = new ArrayList<>();
      List<Ingest.Rejected> rejected = new ArrayList<>();
      String last = null;
      while (!sink.stopped()) {
        Object frame =
            frames.poll(posts.isEmpty() && rejected.isEmpty() ? 1000 : 200, TimeUnit.MILLISECONDS);
        if (frame == null) {
          if (!posts.isEmpty() || !rejected.isEmpty()) {
            sink.deliver(posts, rejected, last);
            posts = new ArrayList<>();
            rejected = new ArrayList<>();
          }
          continue;
        }
        if (frame instanceof Throwable t) {
          throw new IOException("Jetstream connection failed: " + t.getMessage(), t);
        }
        if (frame == Listener.CLOSED) {
          if (!posts.isEmpty() || !rejected.isEmpty()) {
            sink.deliver(posts, rejected, last);
          }
          throw new IOException("Jetstream closed the connection");
        }
        String text = (String) frame;
        ws.request(1);
        JsonNode event;
        try {
          event = json.readTree(text);
        } catch (RuntimeException e) {
          rejected.add(new Ingest.Rejected("jetstream frame is not JSON", text));
          continue;
        }
        long timeUs = event.path("time_us").asLong(0);
        if (timeUs > 0) {
          last = Long.toString(timeUs);
        }
        JsonNode commit = event.path("commit");
        if (!"commit".equals(event.path("kind").asString(""))
            || !"create".equals(commit.path("operation").asString(""))
            || !POST.equals(commit.path("collection").asString(""))) {
          continue;
        }
        try {
          posts.add(post(event));
        } catch (RuntimeException e) {
          rejected.add(new Ingest.Rejected("jetstream post: " + e.getMessage(), text));
        }
        if (posts.size() + rejected.size() >= BATCH) {
          sink.deliver(posts, rejected, last);
          posts = new ArrayList<>();
          rejected = new ArrayList<>();
        }
      }
    } finally {
      ws.abort();
    }
  }

  static NormalizedPost post(JsonNode event) {
    String did = event.path("did").asString(null);
    JsonNode commit = event.path("commit");
    String rkey = commit.path("rkey").asString(null);
    JsonNode record = commit.path("record");
    if (did == null || rkey == null) {
      throw new IllegalArgumentException("event has no did or rkey");
    }
    String created = record.path("createdAt").asString(null);
    Instant at = created == null ? null : PostJson.instant(created);
    if (at == null) {
      at = Instant.ofEpochSecond(0, event.path("time_us").asLong(0) * 1000);
    }
    JsonNode langs = record.path("langs");
    String reply = record.path("reply").path("parent").path("uri").asString(null);
    JsonNode embed = record.path("embed");
    String quote =
        embed
            .path("record")
            .path("uri")
            .asString(embed.path("record").path("record").path("uri").asString(null));
    return new NormalizedPost(
        "bluesky",
        "at://" + did + "/" + POST + "/" + rkey,
        new NormalizedPost.Author(did, null, "https://bsky.app/profile/" + did),
        record.path("text").asString(""),
        "https://bsky.app/profile/" + did + "/post/" + rkey,
        at,
        langs.isArray() && !langs.isEmpty() ? langs.get(0).asString() : null,
        reply,
        quote,
        null,
        Map.of(),
        event.toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Collects whole text messages; the reader asks for the next frame when it took one. */
  private static final class Listener implements WebSocket.Listener {
    static final Object CLOSED = new Object();
    private final LinkedBlockingQueue<Object> frames;
    private final StringBuilder partial = new StringBuilder();

    Listener(LinkedBlockingQueue<Object> frames) {
      this.frames = frames;
    }

    @Override
    public void onOpen(WebSocket ws) {
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      } else {
        ws.request(1);
      }
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      frames.add(CLOSED);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      frames.add(error);
    }
  }
}
