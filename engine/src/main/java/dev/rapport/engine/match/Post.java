package dev.rapport.engine.match;

/**
 * What the matcher reads of a post: its text and the fields rules can filter on. Every field but
 * text may be null.
 */
public record Post(
    String text, String author, String network, String lang, String url, String title) {
  public Post {
    text = text == null ? "" : text;
  }

  /** A post with only text. */
  public static Post of(String text) {
    return new Post(text, null, null, null, null, null);
  }
}
