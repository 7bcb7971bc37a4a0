package dev.rapport.listening;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Published once per stored post (after the commit) that carries one or more of the workspace's
 * brand tags, whether or not a listening rule matched it. {@code author} is the author's person
 * when one is known (a matched post, or a handle already linked to a person), otherwise null;
 * {@code tags} are the workspace's brand tags as configured (canonical spelling), each once.
 */
public record BrandTagsUsed(
    String network,
    String nativeId,
    String authorHandle,
    PersonId author,
    List<String> tags,
    String url,
    Instant postedAt) {

  public BrandTagsUsed {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(nativeId, "nativeId");
    Objects.requireNonNull(authorHandle, "authorHandle");
    Objects.requireNonNull(postedAt, "postedAt");
    tags = List.copyOf(tags);
  }
}
