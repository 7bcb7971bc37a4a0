package dev.rapport.listening;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One social post in the single shape every source is normalised to. Its identity is (network,
 * nativeId); the raw payload is what the source sent, already cut to a bounded size.
 */
public record NormalizedPost(
    String network,
    String nativeId,
    Author author,
    String text,
    String url,
    Instant createdAt,
    String language,
    String replyTo,
    String quoteOf,
    String repostOf,
    Map<String, Long> metrics,
    String rawPayload) {

  /** Who wrote the post, as the network names them. */
  public record Author(String handle, String displayName, String profileUrl) {
    public Author {
      Objects.requireNonNull(handle, "author handle");
    }
  }

  public NormalizedPost {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(nativeId, "nativeId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
  }

  /** The same post with its raw payload replaced (used to bound it in size). */
  public NormalizedPost withRawPayload(String raw) {
    return new NormalizedPost(
        network, nativeId, author, text, url, createdAt, language, replyTo, quoteOf, repostOf,
        metrics, raw);
  }
}
