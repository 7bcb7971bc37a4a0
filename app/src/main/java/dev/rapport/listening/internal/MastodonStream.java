package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One connection to Mastodon's streaming API (server-sent events): {@code update} is a new status,
 * {@code status.update} an edited one, {@code delete} the id of a deleted one. An event that cannot
 * be read becomes a dead letter and the stream goes on.
 */
final class MastodonStream implements AutoCloseable {

  /** Mastodon sends a heartbeat every 15 s; four missed ones mean the connection is gone. */
  private static final Duration IDLE = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final InputStream body;
  private final String instance;

  private MastodonStream(InputStream body, String instance) {
    this.body = body;
    this.instance = instance;
  }

  /** Opens the hashtag stream when the config names a tag, else the public one. */
  static MastodonStream open(GuardedHttp http, String instance, JsonNode config) throws Exception {
    String tag = FileConnector.text(config, "tag");
    String path =
        tag != null
            ? "/api/v1/streaming/hashtag?tag=" + MastodonConnector.enc(tag)
            : "/api/v1/streaming/public";
    URI uri = URI.create(instance + path);
    Map<String, String> headers = new LinkedHashMap<>(MastodonConnector.auth(config));
    headers.put("Accept", "text/event-stream");
    // resolved once by the guard and connected to that address (no second lookup to rebind)
    GuardedHttp.Stream r = http.stream("config.instance", uri, headers, IDLE);
    if (r.status() != 200) {
      r.close();
      throw new IOException("streaming API answered HTTP " + r.status());
    }
    return new MastodonStream(r.body(), instance);
  }

  /** Reads events until the server ends the stream or the source is stopped. */
  void read(Connector.Sink sink) throws IOException, InterruptedException {
    BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    String event = null;
    StringBuilder data = new StringBuilder();
    for (String line; (line = in.readLine()) != null && !sink.stopped(); ) {
      if (line.isEmpty()) {
        if (event != null && data.length() > 0) {
          handle(event, data.toString(), sink);
        }
        event = null;
        data.setLength(0);
      } else if (line.startsWith("event:")) {
        event = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        if (data.length() > 0) {
          data.append('\n');
        }
        data.append(line.substring(5).strip());
      }
    }
  }

  private void handle(String event, String data, Connector.Sink sink) throws InterruptedException {
    switch (event) {
      case "update" -> {
        NormalizedPost post = status(event, data, sink);
        if (post != null) {
          String id = post.remoteId();
          String cursor = sink.cursor();
          boolean newer =
              id != null && (cursor == null || MastodonConnector.compareIds(id, cursor) > 0);
          sink.deliver(List.of(post), List.of(), newer ? id : null);
        }
      }
      case "status.update" -> {
        NormalizedPost post = status(event, data, sink);
        if (post != null) {
          sink.edited(post);
        }
      }
      case "delete" -> {
        String id = data.strip();
        if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
          reject("mastodon delete event without a status id", data, sink);
        } else {
          sink.deleted("mastodon", null, id);
        }
      }
      default -> {
        // notifications, filters_changed, announcements: not posts
      }
    }
  }

  /** The status an event carries, or null when it cannot be read (then it is a dead letter). */
  private NormalizedPost status(String event, String data, Connector.Sink sink)
      throws InterruptedException {
    try {
      return MastodonConnector.post(JSON.readTree(data), instance);
    } catch (RuntimeException e) {
      reject("mastodon " + event + " event: " + e.getMessage(), data, sink);
      return null;
    }
  }

  private static void reject(String reason, String data, Connector.Sink sink)
      throws InterruptedException {
    sink.deliver(List.of(), List.of(new Ingest.Rejected(reason, data)), null);
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
