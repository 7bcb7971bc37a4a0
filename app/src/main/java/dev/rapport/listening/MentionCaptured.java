package dev.rapport.listening;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Published once, in the storing transaction, when a post matched at least one listening rule and
 * was stored as a new mention; people resolve the author from it, timeline adds a touchpoint.
 */
public record MentionCaptured(
    long mentionId,
    String network,
    String nativeId,
    String authorHandle,
    String authorProfileUrl,
    String authorDisplayName,
    String text,
    String url,
    Instant createdAt,
    List<String> ruleIds) {

  public MentionCaptured {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(nativeId, "nativeId");
    Objects.requireNonNull(authorHandle, "authorHandle");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
    ruleIds = List.copyOf(ruleIds);
  }
}
