package dev.rapport.listening;

import java.util.Objects;

/**
 * Published when a stored mention's author edited it ({@code text} is the new text) or deleted it
 * ({@code deleted}, and {@code text} is null); timeline updates the touchpoint that shows it.
 */
public record MentionRevised(long mentionId, String network, String text, boolean deleted) {

  public MentionRevised {
    Objects.requireNonNull(network, "network");
    if (!deleted) {
      Objects.requireNonNull(text, "text");
    }
  }
}
