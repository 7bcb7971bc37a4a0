package dev.rapport.listening;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One social post in the single shape every source is normalised to. Its identity is (network,
 * nativeId); the raw payload is what the source sent, already cut to a bounded size. {@code
 * language} is the first language the post declares, {@code languages} all of them; {@code links}
 * are URLs the post links to that its text may not show in full (Bluesky link facets and cards);
 * {@code remoteId} is the id the server a source reads gives the post when it differs from the
 * native id (a Mastodon status id), so that server's edits and deletes can find it. {@code
 * timeUnknown} says the source gave no readable time: {@code createdAt} is then the fetch time.
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
    String rawPayload,
    List<String> languages,
    List<String> links,
    String remoteId,
    boolean timeUnknown) {

  /**
   * Who wrote the post, as the network names them; {@code alias} is another name rules may use for
   * them (the current Bluesky handle beside the DID), else null.
   */
  public record Author(String handle, String displayName, String profileUrl, String alias) {
    public Author {
      Objects.requireNonNull(handle, "author handle");
    }

    public Author(String handle, String displayName, String profileUrl) {
      this(handle, displayName, profileUrl, null);
    }
  }

  /** A post whose time is known. */
  public NormalizedPost(
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
      String rawPayload,
      List<String> languages,
      List<String> links,
      String remoteId) {
    this(
        network,
        nativeId,
        author,
        text,
        url,
        createdAt,
        language,
        replyTo,
        quoteOf,
        repostOf,
        metrics,
        rawPayload,
        languages,
        links,
        remoteId,
        false);
  }

  /** A post without extra languages, hidden links or a remote id. */
  public NormalizedPost(
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
    this(
        network,
        nativeId,
        author,
        text,
        url,
        createdAt,
        language,
        replyTo,
        quoteOf,
        repostOf,
        metrics,
        rawPayload,
        null,
        null,
        null);
  }

  public NormalizedPost {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(nativeId, "nativeId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    languages =
        languages == null || languages.isEmpty()
            ? (language == null ? List.of() : List.of(language))
            : List.copyOf(languages);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** The same post with its raw payload replaced (used to bound it in size). */
  public NormalizedPost withRawPayload(String raw) {
    return new NormalizedPost(
        network,
        nativeId,
        author,
        text,
        url,
        createdAt,
        language,
        replyTo,
        quoteOf,
        repostOf,
        metrics,
        raw,
        languages,
        links,
        remoteId,
        timeUnknown);
  }
}
