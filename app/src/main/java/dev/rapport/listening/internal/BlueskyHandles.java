package dev.rapport.listening.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Bluesky handles by DID: learnt from Jetstream's {@code identity} events (which also announce a
 * handle change), else read from the DID document ({@code alsoKnownAs: ["at://handle"]}) at the
 * source's {@code didResolver} (a PLC directory) and checked back with {@code
 * com.atproto.identity.resolveHandle} at its {@code handleResolver}, when configured. Answers,
 * misses included, are kept for an hour; an identity event replaces them at once.
 */
@Component
class BlueskyHandles {

  private static final Duration TTL = Duration.ofHours(1);
  private static final int MAX = 100_000;

  private record Entry(String handle, Instant until) {}

  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final GuardedHttp http;
  private final ObjectMapper json;

  BlueskyHandles(GuardedHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  /** An identity event: the DID's handle is now {@code handle} (null: it has none). */
  void learn(String did, String handle) {
    if (did == null) {
      return;
    }
    if (cache.size() >= MAX) {
      cache.clear();
    }
    cache.put(did, new Entry(blankToNull(handle), Instant.now().plus(TTL)));
  }

  /** Forgets every DID whose handle is one of these (an erased person's). */
  void forget(java.util.Collection<String> handles) {
    cache.values().removeIf(e -> e.handle() != null && handles.contains(e.handle()));
  }

  /** The DID's handle, or null when it is not known (and cannot be resolved). */
  String handle(String did, JsonNode config) {
    Entry e = cache.get(did);
    if (e != null && e.until().isAfter(Instant.now())) {
      return e.handle();
    }
    String resolver = FileConnector.text(config, "didResolver");
    if (resolver == null || !did.startsWith("did:plc:")) {
      return e == null ? null : e.handle();
    }
    String handle = resolve(did, resolver, FileConnector.text(config, "handleResolver"));
    learn(did, handle);
    return handle;
  }

  private String resolve(String did, String resolver, String handleResolver) {
    try {
      JsonNode doc =
          json.readTree(
              http.get(
                      URI.create(strip(resolver) + "/" + did), Map.of("Accept", "application/json"))
                  .body());
      for (JsonNode aka : doc.path("alsoKnownAs")) {
        String a = aka.asString("");
        if (a.startsWith("at://") && a.length() > 5) {
          String handle = a.substring(5);
          return handleResolver == null || did.equals(didOf(handle, handleResolver))
              ? handle
              : null;
        }
      }
      return null;
    } catch (Exception e) {
      return null;
    }
  }

  private String didOf(String handle, String handleResolver) throws Exception {
    JsonNode r =
        json.readTree(
            http.get(
                    URI.create(
                        strip(handleResolver)
                            + "/xrpc/com.atproto.identity.resolveHandle?handle="
                            + MastodonConnector.enc(handle)),
                    Map.of("Accept", "application/json"))
                .body());
    return r.path("did").asString(null);
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() || s.equals("handle.invalid") ? null : s;
  }
}
