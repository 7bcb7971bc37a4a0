package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The add-a-source form, one set of fields per kind: feed URL; Mastodon instance, mode, tag or
 * query and token; Jetstream endpoint and collections; file path and format; a webhook needs only a
 * name. It becomes the source's configuration; errors on {@code config.x} belong to field x.
 */
record SourceForm(
    String kind,
    String name,
    String url,
    String instance,
    String mode,
    String tag,
    String query,
    String accessToken,
    String endpoint,
    String collections,
    String path,
    String format,
    String handle,
    String pollSeconds) {

  /** The kinds as the form offers them, with what each one listens to. */
  record KindChoice(String value, String label, String help) {}

  static final List<KindChoice> KINDS =
      List.of(
          new KindChoice("FEED", "RSS or Atom feed", "Polls a feed URL for new entries."),
          new KindChoice(
              "MASTODON",
              "Mastodon",
              "A hashtag, the public timeline, a search, or a live stream."),
          new KindChoice(
              "JETSTREAM", "Bluesky (Jetstream)", "Follows Bluesky posts live over Jetstream."),
          new KindChoice(
              "WEBHOOK", "Webhook", "Your systems POST posts to Rapport with a source token."),
          new KindChoice("FILE", "File import", "Reads a JSONL, CSV or tweet-archive file."));

  static SourceForm empty(String kind) {
    String k = kind(kind);
    return new SourceForm(
        k,
        "",
        "",
        "",
        "hashtag",
        "",
        "",
        "",
        "wss://jetstream2.us-east.bsky.network/subscribe",
        "app.bsky.feed.post",
        "",
        "jsonl",
        "",
        "300");
  }

  /** The chosen kind in upper case; FEED when none or unknown was given. */
  static String kind(String raw) {
    String k = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    return KINDS.stream().anyMatch(c -> c.value().equals(k)) ? k : "FEED";
  }

  /** Whether the kind is polled on a schedule (streams and webhooks are not). */
  static boolean polled(String kind) {
    return kind.equals("FEED") || kind.equals("MASTODON") || kind.equals("FILE");
  }

  /** The configuration for the kind, with only that kind's fields; required ones checked here. */
  ObjectNode config(ObjectMapper json) {
    ObjectNode c = json.createObjectNode();
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    switch (kind(kind)) {
      case "FEED" ->
          require(c, "url", url, "the feed's address, e.g. https://example.com/feed.xml", errors);
      case "MASTODON" -> {
        require(c, "instance", instance, "the server, e.g. https://mastodon.social", errors);
        put(c, "mode", mode);
        put(c, "tag", tag == null ? null : tag.strip().replaceFirst("^#", ""));
        put(c, "query", query);
        put(c, "accessToken", accessToken);
      }
      case "JETSTREAM" -> {
        require(
            c,
            "endpoint",
            endpoint,
            "e.g. wss://jetstream2.us-east.bsky.network/subscribe",
            errors);
        ArrayNode list = c.putArray("collections");
        for (String s : (collections == null ? "" : collections).split("[,\\s]+")) {
          if (!s.isBlank()) {
            list.add(s.strip());
          }
        }
      }
      case "FILE" -> {
        require(c, "path", path, "a file inside the import directory, e.g. posts.jsonl", errors);
        put(c, "format", format);
        put(c, "handle", handle);
      }
      default -> {
        // a webhook has no configuration
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return c;
  }

  /** The poll interval in seconds for a polled kind (null otherwise or when left empty). */
  Integer poll() {
    if (!polled(kind(kind)) || pollSeconds == null || pollSeconds.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(pollSeconds.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(
          "pollSeconds", "must be a whole number of seconds, 1 to 86400");
    }
  }

  private static void put(ObjectNode c, String field, String value) {
    if (value != null && !value.isBlank()) {
      c.put(field, value.strip());
    }
  }

  private static void require(
      ObjectNode c,
      String field,
      String value,
      String hint,
      List<InvalidInputException.FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new InvalidInputException.FieldError("config." + field, "is required: " + hint));
    } else {
      c.put(field, value.strip());
    }
  }
}
