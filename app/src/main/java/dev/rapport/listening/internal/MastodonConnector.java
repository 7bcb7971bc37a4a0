package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.shared.InvalidInputException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Mastodon through its REST API (hashtag or public timeline, or status search; the cursor is the
 * newest status id stored) and its streaming API (server-sent events, after a REST catch-up from
 * the cursor). The instance URL and access token come from the source's configuration.
 */
@Component
class MastodonConnector implements Connector {

  private static final int PAGE = 40;
  private final GuardedHttp http;
  private final ObjectMapper json;
  private final UrlGuard guard;

  MastodonConnector(GuardedHttp http, ObjectMapper json, UrlGuard guard) {
    this.http = http;
    this.json = json;
    this.guard = guard;
  }

  @Override
  public SourceKind kind() {
    return SourceKind.MASTODON;
  }

  @Override
  public void validate(JsonNode config) {
    if (FileConnector.text(config, "instance") == null) {
      throw InvalidInputException.of(
          "config.instance", "is required, e.g. https://mastodon.social");
    }
    String mode = mode(config);
    if (!List.of("hashtag", "public", "search", "stream").contains(mode)) {
      throw InvalidInputException.of("config.mode", "must be hashtag, public, search or stream");
    }
    if (mode.equals("hashtag") && FileConnector.text(config, "tag") == null) {
      throw InvalidInputException.of("config.tag", "is required for mode hashtag");
    }
    if (mode.equals("search") && FileConnector.text(config, "query") == null) {
      throw InvalidInputException.of("config.query", "is required for mode search");
    }
  }

  @Override
  public void run(Source source, JsonNode config, Sink sink) throws Exception {
    String mode = mode(config);
    catchUp(config, sink, mode.equals("stream") ? "catch-up" : mode);
    if (mode.equals("stream") && !sink.stopped()) {
      stream(config, sink);
    }
  }

  /** Pages forward from the cursor (since_id) until a page is not full, five pages at most. */
  private void catchUp(JsonNode config, Sink sink, String mode) throws Exception {
    String instance = instance(config);
    String tag = FileConnector.text(config, "tag");
    for (int page = 0; page < 5 && !sink.stopped(); page++) {
      String since = sink.cursor();
      String path;
      if (mode.equals("hashtag") || (mode.equals("catch-up") && tag != null)) {
        path = "/api/v1/timelines/tag/" + enc(tag) + "?limit=" + PAGE;
      } else if (mode.equals("search")) {
        path =
            "/api/v2/search?type=statuses&resolve=false&limit="
                + PAGE
                + "&q="
                + enc(FileConnector.text(config, "query"));
      } else {
        path = "/api/v1/timelines/public?limit=" + PAGE;
      }
      if (since != null) {
        path += (mode.equals("search") ? "&min_id=" : "&since_id=") + enc(since);
      }
      GuardedHttp.Response r = http.get(URI.create(instance + path), auth(config));
      if (r.notBefore() != null) {
        sink.notBefore(r.notBefore());
      }
      JsonNode body = json.readTree(r.body());
      JsonNode statuses = mode.equals("search") ? body.path("statuses") : body;
      List<JsonNode> list = new ArrayList<>();
      statuses.forEach(list::add);
      list.sort(
          Comparator.comparing(s -> s.path("id").asString(""), MastodonConnector::compareIds));
      List<NormalizedPost> posts = new ArrayList<>();
      List<Ingest.Rejected> rejected = new ArrayList<>();
      String newest = since;
      for (JsonNode s : list) {
        try {
          posts.add(post(s, instance));
        } catch (RuntimeException e) {
          rejected.add(new Ingest.Rejected("mastodon status: " + e.getMessage(), s.toString()));
        }
        String id = s.path("id").asString("");
        if (!id.isEmpty() && (newest == null || compareIds(id, newest) > 0)) {
          newest = id;
        }
      }
      if (list.isEmpty()) {
        return;
      }
      sink.deliver(posts, rejected, newest);
      if (list.size() < PAGE || r.notBefore() != null) {
        return;
      }
    }
  }

  /** Server-sent events from the streaming API: "event: update" lines carry a status. */
  private void stream(JsonNode config, Sink sink) throws Exception {
    String instance = instance(config);
    String tag = FileConnector.text(config, "tag");
    String path =
        tag != null ? "/api/v1/streaming/hashtag?tag=" + enc(tag) : "/api/v1/streaming/public";
    URI uri = URI.create(instance + path);
    guard.check("config.instance", uri);
    HttpRequest.Builder req =
        HttpRequest.newBuilder(uri).GET().header("Accept", "text/event-stream");
    auth(config).forEach(req::header);
    HttpResponse<InputStream> r =
        http.client().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      r.body().close();
      throw new java.io.IOException("streaming API answered HTTP " + r.statusCode());
    }
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String event = null;
      StringBuilder data = new StringBuilder();
      for (String line; (line = in.readLine()) != null && !sink.stopped(); ) {
        if (line.isEmpty()) {
          if ("update".equals(event) && data.length() > 0) {
            JsonNode s = json.readTree(data.toString());
            try {
              sink.deliver(List.of(post(s, instance)), List.of(), s.path("id").asString(null));
            } catch (RuntimeException e) {
              sink.deliver(
                  List.of(),
                  List.of(
                      new Ingest.Rejected("mastodon status: " + e.getMessage(), data.toString())),
                  null);
            }
          }
          event = null;
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          event = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    }
  }

  /** Account lookup: the profile of {@code acct} (display name, url, note). */
  JsonNode lookupAccount(JsonNode config, String acct) throws Exception {
    GuardedHttp.Response r =
        http.get(
            URI.create(instance(config) + "/api/v1/accounts/lookup?acct=" + enc(acct)),
            auth(config));
    return json.readTree(r.body());
  }

  static NormalizedPost post(JsonNode s, String instance) {
    JsonNode account = s.path("account");
    JsonNode reblog = s.get("reblog");
    Map<String, Long> metrics = new LinkedHashMap<>();
    metrics.put("replies", s.path("replies_count").asLong(0));
    metrics.put("reposts", s.path("reblogs_count").asLong(0));
    metrics.put("likes", s.path("favourites_count").asLong(0));
    String acct = account.path("acct").asString(null);
    if (acct == null) {
      throw new IllegalArgumentException("status has no account.acct");
    }
    if (!acct.contains("@")) {
      acct = acct + "@" + URI.create(instance).getHost();
    }
    String html =
        reblog != null && !reblog.isNull()
            ? reblog.path("content").asString("")
            : s.path("content").asString("");
    String spoiler = s.path("spoiler_text").asString("");
    String text = Jsoup.parse(html).text();
    if (!spoiler.isBlank()) {
      text = spoiler + "\n\n" + text;
    }
    JsonNode quote = s.path("quote");
    String quoteOf =
        quote.isObject()
            ? quote.path("quoted_status").path("id").asString(quote.path("id").asString(null))
            : null;
    return new NormalizedPost(
        "mastodon",
        s.path("uri").asString(s.path("id").asString(null)),
        new NormalizedPost.Author(
            "@" + acct,
            blankToNull(account.path("display_name").asString(null)),
            account.path("url").asString(null)),
        text,
        s.path("url").isNull() ? null : s.path("url").asString(null),
        Instant.parse(s.path("created_at").asString()),
        s.path("language").isNull() ? null : s.path("language").asString(null),
        s.path("in_reply_to_id").isNull() ? null : s.path("in_reply_to_id").asString(null),
        quoteOf,
        reblog != null && !reblog.isNull() ? reblog.path("uri").asString(null) : null,
        metrics,
        s.toString());
  }

  /** Mastodon ids are numeric strings of growing length: compare by length, then text. */
  static int compareIds(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Map<String, String> auth(JsonNode config) {
    String token = FileConnector.text(config, "accessToken");
    return token == null
        ? Map.of("Accept", "application/json")
        : Map.of("Accept", "application/json", "Authorization", "Bearer " + token);
  }

  private static String instance(JsonNode config) {
    String i = FileConnector.text(config, "instance").strip();
    return i.endsWith("/") ? i.substring(0, i.length() - 1) : i;
  }

  private static String mode(JsonNode config) {
    String m = FileConnector.text(config, "mode");
    return m == null ? "hashtag" : m;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
