package dev.rapport.listening.internal;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
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
 * RSS 2.0 and Atom through ROME, polled with conditional requests (the ETag and Last-Modified of
 * the last answer are the cursor). Tolerant of real feeds: HTML in titles becomes text, relative
 * links are resolved against the feed, a missing date falls back to the fetch time, the encoding
 * comes from the XML prolog, BOM or Content-Type.
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
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(r.body()), contentType, true)) {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(reader);
    }
    Instant fetched = Instant.now();
    String feedTitle = text(feed.getTitle());
    String feedLink = resolve(r.uri(), feed.getLink());
    // RSS links are relative to the channel's site; Atom's to the document (or its xml:base)
    boolean atom = feed.getFeedType() != null && feed.getFeedType().startsWith("atom");
    URI base = !atom && feedLink != null ? URI.create(feedLink) : r.uri();
    String feedAuthor =
        feed.getAuthor() != null && !feed.getAuthor().isBlank()
            ? text(feed.getAuthor())
            : feed.getAuthors().isEmpty() ? null : text(feed.getAuthors().get(0).getName());
    String host = r.uri().getHost();
    List<NormalizedPost> posts = new ArrayList<>();
    List<Ingest.Rejected> rejected = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String link = resolve(base, e.getLink());
      String title = text(e.getTitle());
      String body =
          e.getDescription() != null
              ? text(e.getDescription().getValue())
              : e.getContents().stream()
                  .map(SyndContent::getValue)
                  .map(FeedConnector::text)
                  .findFirst()
                  .orElse("");
      String raw = (title + "\n" + link + "\n" + body);
      String id = e.getUri() != null && !e.getUri().isBlank() ? e.getUri().strip() : link;
      if (id == null || id.isBlank()) {
        id = sha(title + body);
      }
      Instant created =
          e.getPublishedDate() != null
              ? e.getPublishedDate().toInstant()
              : e.getUpdatedDate() != null ? e.getUpdatedDate().toInstant() : fetched;
      String author =
          e.getAuthor() != null && !e.getAuthor().isBlank() ? text(e.getAuthor()) : null;
      String handle =
          author != null
              ? author
              : feedAuthor != null ? feedAuthor : feedTitle.isBlank() ? host : feedTitle;
      String text = title.isBlank() ? body : (body.isBlank() ? title : title + "\n\n" + body);
      if (text.length() > PostValidator.MAX_TEXT) {
        text = text.substring(0, PostValidator.MAX_TEXT);
      }
      try {
        posts.add(
            new NormalizedPost(
                "web",
                id.length() > 300 ? sha(id) : id,
                new NormalizedPost.Author(handle, feedTitle.isBlank() ? null : feedTitle, feedLink),
                text,
                link,
                created,
                feed.getLanguage(),
                null,
                null,
                null,
                Map.of(),
                raw));
      } catch (RuntimeException ex) {
        rejected.add(new Ingest.Rejected("feed entry: " + ex.getMessage(), raw));
      }
    }
    ObjectNode next = json.createObjectNode();
    r.header("ETag").ifPresent(v -> next.put("etag", v));
    r.header("Last-Modified").ifPresent(v -> next.put("lastModified", v));
    sink.deliver(posts, rejected, json.writeValueAsString(next));
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
