package dev.rapport.listening;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Published once, in the storing transaction, when a post matched at least one listening rule and
 * was stored as a new mention, with its author already resolved to a person; timeline adds a
 * touchpoint.
 */
public record MentionCaptured(
    long mentionId,
    PersonId author,
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
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(nativeId, "nativeId");
    Objects.requireNonNull(authorHandle, "authorHandle");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
    ruleIds = List.copyOf(ruleIds);
  }
}
