package dev.rapport.listening.internal;

import dev.rapport.listening.MentionReplies;
import dev.rapport.shared.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link MentionReplies} over the networks' own APIs, through the guarded HTTP client: Mastodon's
 * {@code POST /api/v1/statuses} with {@code in_reply_to_id} (the status id on the source's
 * instance) and an Idempotency-Key, Bluesky's {@code com.atproto.server.createSession} with the app
 * password and {@code com.atproto.repo.createRecord} of a post whose reply refs name the thread's
 * root and the parent (uri and cid, read from the stored Jetstream event).
 */
@Component
class ReplyPoster implements MentionReplies {

  static final int MASTODON_MAX = 500;
  static final int BLUESKY_MAX = 300;
  static final String DEFAULT_BLUESKY_SERVICE = "https://bsky.social";

  /** What a reply needs of the mention and its source. */
  record Target(
      long id,
      String network,
      String nativeId,
      String remoteId,
      String raw,
      boolean deleted,
      SourceKind kind,
      JsonNode config) {}

  private final JdbcClient jdbc;
  private final GuardedHttp http;
  private final ObjectMapper json;

  ReplyPoster(JdbcClient jdbc, GuardedHttp http, ObjectMapper json) {
    this.jdbc = jdbc;
    this.http = http;
    this.json = json;
  }

  @Override
  public boolean canPost(long mentionId) {
    return target(mentionId).filter(t -> !t.deleted() && credentials(t)).isPresent();
  }

  @Override
  public Sent post(long mentionId, String text) {
    Target t =
        target(mentionId)
            .orElseThrow(() -> InvalidInputException.of("mention", "no mention " + mentionId));
    if (t.deleted()) {
      throw InvalidInputException.of(
          "mention", "the post was deleted by its author; there is nothing to reply to");
    }
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw InvalidInputException.of("text", "write the reply first");
    }
    if (!credentials(t)) {
      throw InvalidInputException.of(
          "mention",
          "the source that heard this post holds no credentials to reply on " + t.network());
    }
    try {
      return t.network().equals("mastodon") ? mastodon(t, body) : bluesky(t, body);
    } catch (IOException e) {
      throw new ReplyFailed(t.network() + " could not be reached: " + e.getMessage());
    }
  }

  private boolean credentials(Target t) {
    if (t.network().equals("mastodon") && t.kind() == SourceKind.MASTODON) {
      return text(t.config(), "instance") != null
          && text(t.config(), "accessToken") != null
          && t.remoteId() != null;
    }
    if (t.network().equals("bluesky")) {
      return text(t.config(), "replyHandle") != null && text(t.config(), "appPassword") != null;
    }
    return false;
  }

  private Sent mastodon(Target t, String text) throws IOException {
    if (text.codePointCount(0, text.length()) > MASTODON_MAX) {
      throw InvalidInputException.of("text", "Mastodon allows " + MASTODON_MAX + " characters");
    }
    String instance = MastodonConnector.instance(t.config());
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("status", text);
    status.put("in_reply_to_id", t.remoteId());
    GuardedHttp.Response r =
        http.post(
            "config.instance",
            URI.create(instance + "/api/v1/statuses"),
            Map.of(
                "Authorization", "Bearer " + text(t.config(), "accessToken"),
                "Accept", "application/json",
                "Idempotency-Key", "rapport-reply-" + t.id() + "-" + sha(text)),
            "application/json",
            json.writeValueAsBytes(status));
    JsonNode answer = answer(r, "Mastodon");
    return new Sent("mastodon", answer.path("id").asString(""), answer.path("url").asString(null));
  }

  private Sent bluesky(Target t, String text) throws IOException {
    if (text.codePointCount(0, text.length()) > BLUESKY_MAX) {
      throw InvalidInputException.of("text", "Bluesky allows " + BLUESKY_MAX + " characters");
    }
    JsonNode raw = tree(t.raw());
    String parentCid = raw.path("commit").path("cid").asString(null);
    if (parentCid == null) {
      throw InvalidInputException.of(
          "mention", "the stored post has no content id (cid) to reply to");
    }
    String service = text(t.config(), "replyService");
    String base = service == null ? DEFAULT_BLUESKY_SERVICE : service.replaceAll("/+$", "");
    JsonNode session =
        answer(
            http.post(
                "config.replyService",
                URI.create(base + "/xrpc/com.atproto.server.createSession"),
                Map.of("Accept", "application/json"),
                "application/json",
                json.writeValueAsBytes(
                    Map.of(
                        "identifier", text(t.config(), "replyHandle"),
                        "password", text(t.config(), "appPassword")))),
            "Bluesky sign-in");
    String did = session.path("did").asString("");
    Map<String, Object> parent = Map.of("uri", t.nativeId(), "cid", parentCid);
    JsonNode root = raw.path("commit").path("record").path("reply").path("root");
    Map<String, Object> rootRef =
        root.path("uri").isString() && root.path("cid").isString()
            ? Map.of("uri", root.path("uri").asString(), "cid", root.path("cid").asString())
            : parent;
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("$type", "app.bsky.feed.post");
    record.put("text", text);
    record.put("createdAt", Instant.now().toString());
    record.put("reply", Map.of("root", rootRef, "parent", parent));
    JsonNode created =
        answer(
            http.post(
                "config.replyService",
                URI.create(base + "/xrpc/com.atproto.repo.createRecord"),
                Map.of(
                    "Authorization",
                    "Bearer " + session.path("accessJwt").asString(""),
                    "Accept",
                    "application/json"),
                "application/json",
                json.writeValueAsBytes(
                    Map.of("repo", did, "collection", "app.bsky.feed.post", "record", record))),
            "Bluesky");
    String uri = created.path("uri").asString("");
    String rkey = uri.substring(uri.lastIndexOf('/') + 1);
    return new Sent("bluesky", uri, "https://bsky.app/profile/" + did + "/post/" + rkey);
  }

  private JsonNode answer(GuardedHttp.Response r, String who) {
    JsonNode body = tree(new String(r.body(), StandardCharsets.UTF_8));
    if (r.status() == 404) {
      throw new ReplyFailed(who + " no longer has the post (HTTP 404); it was probably deleted");
    }
    if (r.status() >= 300) {
      String why =
          body.path("error_description")
              .asString(body.path("message").asString(body.path("error").asString("")));
      throw new ReplyFailed(
          who + " refused the reply (HTTP " + r.status() + ")" + (why.isBlank() ? "" : ": " + why));
    }
    return body;
  }

  Optional<Target> target(long mentionId) {
    return jdbc.sql(
            """
            select m.id, m.network, m.native_id, m.remote_id, m.raw_payload, m.deleted_at,
                   s.kind, s.config
            from listening_mention m left join listening_source s on s.id = m.source_id
            where m.id = :id
            """)
        .param("id", mentionId)
        .query(
            (rs, n) ->
                new Target(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6) != null,
                    kind(rs.getString(7)),
                    tree(rs.getString(8))))
        .optional();
  }

  private static SourceKind kind(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return SourceKind.valueOf(stored.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private JsonNode tree(String s) {
    try {
      JsonNode n = s == null ? null : json.readTree(s);
      return n == null ? json.createObjectNode() : n;
    } catch (RuntimeException e) {
      return json.createObjectNode();
    }
  }

  private static String text(JsonNode config, String field) {
    return FileConnector.text(config, field);
  }

  private static String sha(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
