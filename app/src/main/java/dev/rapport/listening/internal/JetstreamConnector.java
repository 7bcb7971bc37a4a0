package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.shared.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Bluesky's Jetstream: a WebSocket of JSON events filtered by collection. Post creates become posts
 * (with every declared language, link facets and card URLs as links, the author's handle beside the
 * DID), updates edit and deletes delete them, identity events keep the handles current; the cursor
 * is the {@code time_us} of the last stored event, and a reconnect resumes from it (rewound a few
 * seconds, as Jetstream advises; duplicates are dropped by the dedupe). Frames are requested one at
 * a time, so a slow ingest slows the socket instead of filling memory.
 */
@Component
class JetstreamConnector implements Connector {

  private static final String POST = "app.bsky.feed.post";
  private static final long REWIND_US = 5_000_000L;
  private static final int BATCH = 100;

  private final GuardedHttp http;
  private final ObjectMapper json;
  private final UrlGuard guard;
  private final BlueskyHandles handles;

  JetstreamConnector(GuardedHttp http, ObjectMapper json, UrlGuard guard, BlueskyHandles handles) {
    this.http = http;
    this.json = json;
    this.guard = guard;
    this.handles = handles;
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
    // resolved once by the guard; the socket connects to that address (no second lookup)
    UrlGuard.Target target = guard.target("config.endpoint", uri);
    LinkedBlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    Client ws = new Client(uri, frames);
    ws.setDnsResolver(u -> target.address());
    ws.setConnectionLostTimeout(60);
    if (!ws.connectBlocking(15, TimeUnit.SECONDS)) {
      ws.close();
      Object why = frames.poll();
      throw new IOException(
          "Jetstream connection to "
              + uri.getHost()
              + " failed"
              + (why instanceof Throwable t ? ": " + t.getMessage() : ""));
    }
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
        if (frame == Client.CLOSED) {
          if (!posts.isEmpty() || !rejected.isEmpty()) {
            sink.deliver(posts, rejected, last);
          }
          throw new IOException("Jetstream closed the connection");
        }
        String text = (String) frame;
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
        String kind = event.path("kind").asString("");
        if (kind.equals("identity")) {
          JsonNode identity = event.path("identity");
          handles.learn(
              identity.path("did").asString(event.path("did").asString(null)),
              identity.path("handle").asString(null));
          continue;
        }
        JsonNode commit = event.path("commit");
        String operation = commit.path("operation").asString("");
        if (!kind.equals("commit") || !POST.equals(commit.path("collection").asString(""))) {
          continue;
        }
        if (operation.equals("update") || operation.equals("delete")) {
          // an edit or delete applies after the posts before it are stored
          sink.deliver(posts, rejected, last);
          posts = new ArrayList<>();
          rejected = new ArrayList<>();
          revise(event, operation, text, sink, config);
          continue;
        }
        if (!operation.equals("create")) {
          continue;
        }
        try {
          posts.add(post(event, handles.handle(event.path("did").asString(""), config)));
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
      ws.close();
    }
  }

  private void revise(JsonNode event, String operation, String text, Sink sink, JsonNode config)
      throws InterruptedException {
    String did = event.path("did").asString(null);
    String rkey = event.path("commit").path("rkey").asString(null);
    if (did == null || rkey == null) {
      sink.deliver(
          List.of(),
          List.of(new Ingest.Rejected("jetstream " + operation + ": no did or rkey", text)),
          null);
    } else if (operation.equals("delete")) {
      sink.deleted("bluesky", "at://" + did + "/" + POST + "/" + rkey, null);
    } else {
      try {
        sink.edited(post(event, handles.handle(did, config)));
      } catch (RuntimeException e) {
        sink.deliver(
            List.of(),
            List.of(new Ingest.Rejected("jetstream post: " + e.getMessage(), text)),
            null);
      }
    }
  }

  /** A post create (or update) event as a post, by the author's handle when it is known. */
  static NormalizedPost post(JsonNode event, String handle) {
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
    List<String> languages = new ArrayList<>();
    for (JsonNode l : langs) {
      String tag = l.asString("").strip();
      if (!tag.isEmpty() && tag.length() <= 35 && !languages.contains(tag)) {
        languages.add(tag);
      }
    }
    return new NormalizedPost(
        "bluesky",
        "at://" + did + "/" + POST + "/" + rkey,
        new NormalizedPost.Author(
            did, handle == null ? null : "@" + handle, "https://bsky.app/profile/" + did, handle),
        record.path("text").asString(""),
        "https://bsky.app/profile/" + did + "/post/" + rkey,
        at,
        languages.isEmpty() ? null : languages.get(0),
        reply,
        quote,
        null,
        Map.of(),
        event.toString(),
        languages,
        links(record),
        null);
  }

  /**
   * The URLs a post links to: its link facets (the text shows them shortened) and the card of an
   * external embed, alone or beside media.
   */
  static List<String> links(JsonNode record) {
    List<String> out = new ArrayList<>();
    for (JsonNode facet : record.path("facets")) {
      for (JsonNode feature : facet.path("features")) {
        if ("app.bsky.richtext.facet#link".equals(feature.path("$type").asString(""))) {
          addLink(out, feature.path("uri").asString(null));
        }
      }
    }
    JsonNode embed = record.path("embed");
    addLink(out, embed.path("external").path("uri").asString(null));
    addLink(out, embed.path("media").path("external").path("uri").asString(null));
    return out;
  }

  private static void addLink(List<String> out, String uri) {
    if (uri != null
        && (uri.startsWith("https://") || uri.startsWith("http://"))
        && uri.length() <= 2000
        && !out.contains(uri)
        && out.size() < 50) {
      out.add(uri);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Puts whole text messages, the close and any error on the queue the reader takes from. A frame
   * over {@link #MAX_FRAME} bytes closes the connection (Jetstream's events are a few KB).
   */
  private static final class Client extends WebSocketClient {
    static final Object CLOSED = new Object();
    static final int MAX_FRAME = 1 << 20;
    private final LinkedBlockingQueue<Object> frames;

    Client(URI uri, LinkedBlockingQueue<Object> frames) {
      super(uri, new Draft_6455(List.of(), MAX_FRAME));
      this.frames = frames;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
      frames.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      frames.add(CLOSED);
    }

    @Override
    public void onError(Exception error) {
      frames.add(error);
    }
  }
}
