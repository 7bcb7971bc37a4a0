package dev.rapport.engine.match;

import java.util.List;

/**
 * What the matcher reads of a post: its text and the fields rules can filter on. Every field but
 * text may be null. {@code author} and {@code lang} may hold several values separated by spaces (a
 * handle and a DID; every language the post declares); {@code links} are URLs the post links to
 * besides those in its text, for {@code links:}.
 */
public record Post(
    String text,
    String author,
    String network,
    String lang,
    String url,
    String title,
    List<String> links) {
  public Post {
    text = text == null ? "" : text;
    links = links == null ? List.of() : links;
  }

  /** A post whose only links are those in its text. */
  public Post(String text, String author, String network, String lang, String url, String title) {
    this(text, author, network, lang, url, title, List.of());
  }

  /** A post with only text. */
  public static Post of(String text) {
    return new Post(text, null, null, null, null, null);
  }
}
