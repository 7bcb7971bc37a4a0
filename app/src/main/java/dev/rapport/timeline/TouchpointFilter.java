package dev.rapport.timeline;

import java.time.Instant;
import java.util.Set;

/**
 * Which touchpoints to read: kinds and channels (empty means all), a time window [from, to), a page
 * (from 0) of a size (1 to 200), newest first unless {@code oldestFirst}.
 */
public record TouchpointFilter(
    Set<TouchpointKind> kinds,
    Set<String> channels,
    Instant from,
    Instant to,
    int page,
    int size,
    boolean oldestFirst) {

  public static final int MAX_SIZE = 200;

  public TouchpointFilter {
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    channels = channels == null ? Set.of() : Set.copyOf(channels);
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
  }

  public static TouchpointFilter firstPage(int size) {
    return new TouchpointFilter(Set.of(), Set.of(), null, null, 0, size, false);
  }
}
