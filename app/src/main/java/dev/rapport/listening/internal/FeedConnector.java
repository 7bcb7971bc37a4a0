package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.shared.InvalidInputException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * RSS and Atom feeds, read by {@link FeedDocument} as liberally as a good feed reader, polled with
 * conditional requests (the ETag and Last-Modified of the last answer are the cursor). The links
 * inside an entry's HTML count for {@code links:} rules. An entry without a readable date is stored
 * at the fetch time and marked {@code timeUnknown}, so the mention says "date unknown" and sorts by
 * when it was fetched.
 */
@Component
class FeedConnector implements Connector {

  private final GuardedHttp http;
  private final ObjectMapper json;

  FeedConnector(GuardedHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public SourceKind kind() {
    return SourceKind.FEED;
  }

  @Override
  public void validate(JsonNode config) {
    if (FileConnector.text(config, "url") == null) {
      throw InvalidInputException.of("config.url", "is required: the feed's address");
    }
  }

  @Override
  public void run(Source source, JsonNode config, Sink sink) throws Exception {
    URI url = URI.create(FileConnector.text(config, "url"));
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode cursor =
        sink.cursor() == null ? json.createObjectNode() : json.readTree(sink.cursor());
    String etag = FileConnector.text(cursor, "etag");
    String lastModified = FileConnector.text(cursor, "lastModified");
    if (etag != null) {
      headers.put("If-None-Match", etag);
    }
    if (lastModified != null) {
      headers.put("If-Modified-Since", lastModified);
    }
    headers.put(
        "Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
    GuardedHttp.Response r = http.get(url, headers);
    if (r.status() == 304) {
      return;
    }
    String contentType = r.header("Content-Type").orElse(null);
    FeedDocument.Feed feed =
        FeedDocument.parse(
            r.body(), contentType, r.uri(), r.header("Content-Location").orElse(null));
    Instant fetched = Instant.now();
    String feedTitle = feed.title();
    String host = r.uri().getHost();
    String handle = feed.author() != null ? feed.author() : feedTitle.isBlank() ? host : feedTitle;
    List<NormalizedPost> posts = new ArrayList<>();
    List<Ingest.Rejected> rejected = new ArrayList<>();
    for (FeedDocument.Entry e : feed.entries()) {
      String raw = (e.title() + "\n" + e.link() + "\n" + e.text());
      if (feed.note() != null) {
        raw = "[encoding: " + feed.note() + "]\n" + raw;
      }
      String text =
          e.title().isBlank()
              ? e.text()
              : (e.text().isBlank() || e.text().startsWith(e.title())
                  ? (e.text().isBlank() ? e.title() : e.text())
                  : e.title() + "\n\n" + e.text());
      if (text.length() > PostValidator.MAX_TEXT) {
        text = text.substring(0, PostValidator.MAX_TEXT);
      }
      try {
        posts.add(
            new NormalizedPost(
                "web",
                nativeId(url, e),
                new NormalizedPost.Author(
                    e.author() != null ? e.author() : handle,
                    feedTitle.isBlank() ? null : feedTitle,
                    feed.link()),
                text,
                e.link(),
                e.published() != null ? e.published() : fetched,
                e.language(),
                null,
                null,
                null,
                Map.of(),
                raw,
                null,
                e.links(),
                null,
                e.published() == null));
      } catch (RuntimeException ex) {
        rejected.add(new Ingest.Rejected("feed entry: " + ex.getMessage(), raw));
      }
    }
    ObjectNode next = json.createObjectNode();
    r.header("ETag").ifPresent(v -> next.put("etag", v));
    r.header("Last-Modified").ifPresent(v -> next.put("lastModified", v));
    sink.deliver(posts, rejected, json.writeValueAsString(next));
  }

  /**
   * An entry's identity: a guid or id that names itself (a URL, tag: or urn:) as it is; a plain one
   * (guid "abc") only within its feed, so two feeds that both number their items from 1 do not
   * collide; without either, the link, and without a link a hash of the content.
   */
  static String nativeId(URI feedUrl, FeedDocument.Entry e) {
    String id;
    if (e.id() == null) {
      id = sha(e.title() + "\n" + e.text());
    } else if (e.idIsGlobal()) {
      id = e.id();
    } else {
      id = feedUrl + "#" + e.id();
    }
    return id.length() > 300 ? sha(id) : id;
  }

  /** Text of HTML (titles and descriptions often carry markup or entities). */
  static String text(String html) {
    if (html == null) {
      return "";
    }
    return Jsoup.parse(html).text().strip();
  }

  private static String resolve(URI base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      URI u = base.resolve(link.strip());
      String scheme = u.getScheme();
      return "http".equals(scheme) || "https".equals(scheme) ? u.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String sha(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
