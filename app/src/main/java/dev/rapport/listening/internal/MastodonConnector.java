package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.shared.InvalidInputException;
import java.net.URI;
import java.net.URLEncoder;
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
 * newest status id stored, and each run pages forward from it with {@code min_id}) and its
 * streaming API (server-sent events with new statuses, edits and deletes, after a REST catch-up).
 * The instance URL and access token come from the source's configuration; docs/listening.md.
 */
@Component
class MastodonConnector implements Connector {

  /** Mastodon's largest page. */
  static final int PAGE = 40;

  /** How many statuses a new source reaches back for, unless its config says {@code backfill}. */
  static final int DEFAULT_BACKFILL = 40;

  static final int MAX_BACKFILL = 2000;
  private static final int MAX_PAGES = 50;
  private static final Comparator<JsonNode> BY_ID =
      Comparator.comparing(s -> s.path("id").asString(""), MastodonConnector::compareIds);
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
    JsonNode backfill = config.path("backfill");
    if (!backfill.isMissingNode()
        && !(backfill.isIntegralNumber()
            && backfill.asInt() >= 0
            && backfill.asInt() <= MAX_BACKFILL)) {
      throw InvalidInputException.of(
          "config.backfill", "must be a whole number from 0 to " + MAX_BACKFILL);
    }
  }

  @Override
  public void run(Source source, JsonNode config, Sink sink) throws Exception {
    String mode = mode(config);
    if (!mode.equals("stream")) {
      catchUp(config, sink, mode);
      return;
    }
    // The stream is opened before the catch-up, so nothing posted in between is missed; the
    // events it holds meanwhile are read afterwards (a post in both is stored once).
    try (MastodonStream stream = MastodonStream.open(http, instance(config), config)) {
      catchUp(config, sink, "catch-up");
      if (!sink.stopped()) {
        stream.read(sink);
      }
    }
  }

  /**
   * From the cursor forward with {@code min_id} (the page immediately newer than it, as Mastodon
   * documents; {@code since_id} would give the newest page and skip what lies between), until a
   * page comes back empty. A new source first reaches back {@code backfill} statuses.
   */
  private void catchUp(JsonNode config, Sink sink, String mode) throws Exception {
    String cursor = sink.cursor();
    if (cursor == null) {
      cursor = backfill(config, sink, mode);
      if (cursor == null) {
        return;
      }
    }
    for (int page = 0; page < MAX_PAGES && !sink.stopped(); page++) {
      Page p = fetch(config, mode, "min_id=" + enc(cursor));
      if (p.statuses().isEmpty()) {
        return;
      }
      cursor = deliver(p.statuses(), sink, cursor, config);
      if (p.notBefore() != null) {
        return;
      }
    }
  }

  /**
   * A new source's first run: the newest {@code backfill} statuses (default {@value
   * #DEFAULT_BACKFILL}), paged back with {@code max_id} and stored oldest first; returns the
   * cursor, or null when there is nothing yet.
   */
  private String backfill(JsonNode config, Sink sink, String mode) throws Exception {
    int wanted = backfillOf(config);
    List<JsonNode> found = new ArrayList<>();
    String older = null;
    do {
      Page p = fetch(config, mode, older == null ? null : "max_id=" + enc(older));
      if (p.statuses().isEmpty()) {
        break;
      }
      found.addAll(p.statuses());
      older = p.statuses().get(0).path("id").asString("");
      if (p.notBefore() != null) {
        break;
      }
    } while (found.size() < wanted && !sink.stopped());
    if (found.isEmpty()) {
      return null;
    }
    found.sort(BY_ID.reversed());
    String newest = found.get(0).path("id").asString();
    List<JsonNode> kept = new ArrayList<>(found.subList(0, Math.min(wanted, found.size())));
    kept.sort(BY_ID);
    String cursor = null;
    for (int from = 0; from < kept.size(); from += PAGE) {
      cursor = deliver(kept.subList(from, Math.min(kept.size(), from + PAGE)), sink, null, config);
    }
    if (cursor == null || compareIds(cursor, newest) < 0) {
      // backfill 0: start from now, storing nothing
      sink.deliver(List.of(), List.of(), newest);
      cursor = newest;
    }
    return cursor;
  }

  /** Stores statuses oldest first; returns the newest id, which becomes the cursor once stored. */
  private String deliver(List<JsonNode> statuses, Sink sink, String cursor, JsonNode config)
      throws InterruptedException {
    String instance = instance(config);
    List<JsonNode> list = new ArrayList<>(statuses);
    list.sort(BY_ID);
    List<NormalizedPost> posts = new ArrayList<>();
    List<Ingest.Rejected> rejected = new ArrayList<>();
    String newest = cursor;
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
    sink.deliver(posts, rejected, newest);
    return newest;
  }

  /** One page of statuses, oldest or newest first as the server sent it (the caller sorts). */
  private Page fetch(JsonNode config, String mode, String position) throws Exception {
    String tag = FileConnector.text(config, "tag");
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
    if (position != null) {
      path += "&" + position;
    }
    GuardedHttp.Response r = http.get(URI.create(instance(config) + path), auth(config));
    JsonNode body = json.readTree(r.body());
    JsonNode statuses = mode.equals("search") ? body.path("statuses") : body;
    List<JsonNode> list = new ArrayList<>();
    statuses.forEach(list::add);
    list.sort(BY_ID);
    return new Page(list, r.notBefore());
  }

  private record Page(List<JsonNode> statuses, Instant notBefore) {}

  static int backfillOf(JsonNode config) {
    JsonNode b = config.path("backfill");
    return b.isIntegralNumber() ? Math.max(0, Math.min(MAX_BACKFILL, b.asInt())) : DEFAULT_BACKFILL;
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
        s.toString(),
        null,
        null,
        s.path("id").asString(null));
  }

  /** Mastodon ids are numeric strings of growing length: compare by length, then text. */
  static int compareIds(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static Map<String, String> auth(JsonNode config) {
    String token = FileConnector.text(config, "accessToken");
    return token == null
        ? Map.of("Accept", "application/json")
        : Map.of("Accept", "application/json", "Authorization", "Bearer " + token);
  }

  static String instance(JsonNode config) {
    String i = FileConnector.text(config, "instance").strip();
    return i.endsWith("/") ? i.substring(0, i.length() - 1) : i;
  }

  private static String mode(JsonNode config) {
    String m = FileConnector.text(config, "mode");
    return m == null ? "hashtag" : m;
  }

  static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
