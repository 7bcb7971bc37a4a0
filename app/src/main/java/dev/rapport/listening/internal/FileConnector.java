package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.shared.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Replays a file of posts: JSONL (one post per line in the webhook's JSON), CSV (the documented
 * header), or a tweet archive's {@code tweets.js}. The cursor is the number of records already
 * stored, so a restart resumes after the last stored batch. Files come from the imports directory
 * or, as {@code classpath:samples/...}, from the shipped samples.
 */
@Component
class FileConnector implements Connector {

  static final List<String> CSV_HEADER =
      List.of(
          "network",
          "id",
          "author_handle",
          "author_display_name",
          "author_profile_url",
          "text",
          "url",
          "created_at",
          "language",
          "reply_to",
          "quote_of",
          "repost_of",
          "likes",
          "reposts",
          "replies");
  private static final DateTimeFormatter TWITTER_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

  private final ObjectMapper json;
  private final ListeningProperties props;

  FileConnector(ObjectMapper json, ListeningProperties props) {
    this.json = json;
    this.props = props;
  }

  @Override
  public SourceKind kind() {
    return SourceKind.FILE;
  }

  @Override
  public void validate(JsonNode config) {
    String path = text(config, "path");
    if (path == null || path.isBlank()) {
      throw InvalidInputException.of("config.path", "is required");
    }
    String format = format(config);
    if (!List.of("jsonl", "csv", "tweet-archive").contains(format)) {
      throw InvalidInputException.of("config.format", "must be jsonl, csv or tweet-archive");
    }
    if (path.startsWith("classpath:")) {
      String name = samplePath(path);
      if (FileConnector.class.getClassLoader().getResource(name) == null) {
        throw InvalidInputException.of("config.path", "no such sample: " + name);
      }
    } else {
      if (escapes(path)) {
        throw InvalidInputException.of(
            "config.path", "must not contain '..' (a path inside the imports directory)");
      }
      Path resolved = resolve(path);
      if (!Files.isRegularFile(resolved)) {
        throw InvalidInputException.of("config.path", "no such file in the imports directory");
      }
    }
  }

  /** A path segment ".." (either separator): refused before any path arithmetic. */
  private static boolean escapes(String path) {
    for (String segment : path.split("[/\\\\]", -1)) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** The resource name of a {@code classpath:samples/...} path; anything else is refused. */
  static String samplePath(String path) {
    String name = path.substring("classpath:".length());
    if (!name.startsWith("samples/")
        || escapes(name)
        || name.contains("\\")
        || name.contains("//")
        || name.endsWith("/")) {
      throw InvalidInputException.of(
          "config.path", "a classpath path must name a file in classpath:samples/");
    }
    return name;
  }

  @Override
  public void run(Source source, JsonNode config, Sink sink) throws Exception {
    long done = sink.cursor() == null ? 0 : Long.parseLong(sink.cursor());
    String format = format(config);
    String network = text(config, "network");
    int batch = Math.max(1, props.batchSize());
    try (InputStream in = open(text(config, "path"))) {
      Iterator<Item> items =
          switch (format) {
            case "csv" -> csv(in);
            case "tweet-archive" -> tweetArchive(in, config);
            default -> jsonl(in, network);
          };
      long index = 0;
      List<NormalizedPost> posts = new ArrayList<>(batch);
      List<Ingest.Rejected> rejected = new ArrayList<>();
      while (items.hasNext()) {
        Item item = items.next();
        index++;
        if (index <= done) {
          continue;
        }
        if (item.post() != null) {
          posts.add(item.post());
        } else {
          rejected.add(item.rejected());
        }
        if (posts.size() + rejected.size() >= batch) {
          sink.deliver(posts, rejected, Long.toString(index));
          posts = new ArrayList<>(batch);
          rejected = new ArrayList<>();
          if (sink.stopped()) {
            return;
          }
        }
      }
      if (!posts.isEmpty() || !rejected.isEmpty()) {
        sink.deliver(posts, rejected, Long.toString(index));
      }
    }
  }

  /** One record of the file: a post, or why it is not one. */
  record Item(NormalizedPost post, Ingest.Rejected rejected) {}

  private Iterator<Item> jsonl(InputStream in, String network) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Iterator<String> lines = reader.lines().filter(l -> !l.isBlank()).iterator();
    return new Iterator<>() {
      long line;

      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Item next() {
        String l = lines.next();
        line++;
        try {
          PostJson.Read read = PostJson.read(json.readTree(l), "", network);
          return read.ok()
              ? new Item(read.post(), null)
              : new Item(
                  null,
                  new Ingest.Rejected("record " + line + ": " + Ingest.describe(read.errors()), l));
        } catch (JacksonException e) {
          return new Item(
              null,
              new Ingest.Rejected(
                  "record " + line + ": not valid JSON: " + e.getOriginalMessage(), l));
        }
      }
    };
  }

  private Iterator<Item> csv(InputStream in) throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    Iterator<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(reader)
            .iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Item next() {
        CSVRecord r = records.next();
        String raw = String.join(",", r.values());
        try {
          Map<String, Long> metrics = new LinkedHashMap<>();
          for (String m : List.of("likes", "reposts", "replies")) {
            String v = col(r, m);
            if (v != null) {
              metrics.put(m, Long.parseLong(v));
            }
          }
          Instant created = PostJson.instant(required(r, "created_at"));
          if (created == null) {
            throw new IllegalArgumentException("created_at is not an ISO-8601 date-time");
          }
          return new Item(
              new NormalizedPost(
                  required(r, "network"),
                  required(r, "id"),
                  new NormalizedPost.Author(
                      required(r, "author_handle"),
                      col(r, "author_display_name"),
                      col(r, "author_profile_url")),
                  required(r, "text"),
                  col(r, "url"),
                  created,
                  col(r, "language"),
                  col(r, "reply_to"),
                  col(r, "quote_of"),
                  col(r, "repost_of"),
                  metrics,
                  raw),
              null);
        } catch (RuntimeException e) {
          return new Item(
              null,
              new Ingest.Rejected("line " + r.getRecordNumber() + ": " + e.getMessage(), raw));
        }
      }
    };
  }

  /** The {@code tweets.js} of an exported archive: {@code window.YTD.tweets.part0 = [...]}. */
  private Iterator<Item> tweetArchive(InputStream in, JsonNode config) throws IOException {
    String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int start = all.indexOf('[');
    if (start < 0) {
      throw new IOException("not a tweet archive: no JSON array found");
    }
    JsonNode array = json.readTree(all.substring(start));
    String handle = text(config, "handle");
    String displayName = text(config, "displayName");
    List<Item> items = new ArrayList<>();
    for (JsonNode entry : array) {
      JsonNode t = entry.has("tweet") ? entry.get("tweet") : entry;
      String raw = t.toString();
      try {
        String id = t.path("id_str").asString(null);
        String created = t.path("created_at").asString(null);
        if (id == null || created == null || handle == null) {
          throw new IllegalArgumentException(
              handle == null
                  ? "config.handle (the archive owner) is required"
                  : "id_str and created_at are required");
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        metrics.put("likes", t.path("favorite_count").asLong(0));
        metrics.put("reposts", t.path("retweet_count").asLong(0));
        String text = t.path("full_text").asString(t.path("text").asString(""));
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        items.add(
            new Item(
                new NormalizedPost(
                    "twitter",
                    id,
                    new NormalizedPost.Author(
                        "@" + bare, displayName, "https://twitter.com/" + bare),
                    text,
                    "https://twitter.com/" + bare + "/status/" + id,
                    ZonedDateTime.parse(created, TWITTER_DATE).toInstant(),
                    t.path("lang").asString(null),
                    t.path("in_reply_to_status_id_str").asString(null),
                    null,
                    text.startsWith("RT @") ? "retweet" : null,
                    metrics,
                    raw),
                null));
      } catch (RuntimeException e) {
        items.add(new Item(null, new Ingest.Rejected(e.getMessage(), raw)));
      }
    }
    return items.iterator();
  }

  private InputStream open(String path) throws IOException {
    if (path.startsWith("classpath:")) {
      String name = samplePath(path);
      InputStream in = FileConnector.class.getClassLoader().getResourceAsStream(name);
      if (in == null) {
        throw new IOException("no sample " + name);
      }
      return in;
    }
    return Files.newInputStream(resolve(path));
  }

  /** The file inside the imports directory; anything that escapes it is refused. */
  Path resolve(String path) {
    Path dir = Path.of(props.fileDir()).toAbsolutePath().normalize();
    Path p = dir.resolve(path).normalize();
    if (!p.startsWith(dir)) {
      throw InvalidInputException.of("config.path", "must be inside the imports directory " + dir);
    }
    return p;
  }

  private static String format(JsonNode config) {
    String f = text(config, "format");
    return f == null ? "jsonl" : f.toLowerCase(Locale.ROOT);
  }

  static String text(JsonNode config, String name) {
    JsonNode v = config == null ? null : config.get(name);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static String col(CSVRecord r, String name) {
    if (!r.isMapped(name) || !r.isSet(name)) {
      return null;
    }
    String v = r.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  private static String required(CSVRecord r, String name) {
    String v = col(r, name);
    if (v == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }
}
