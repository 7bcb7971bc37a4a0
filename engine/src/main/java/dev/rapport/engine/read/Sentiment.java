package dev.rapport.engine.read;

import java.util.List;

/** A post's sentiment: a score in [-1, 1], its label and the spans that moved it. */
public record Sentiment(double score, SentimentLabel label, List<Evidence> evidence) {

  public Sentiment {
    if (!(score >= -1 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [-1, 1]: " + score);
    }
    if (label == null) {
      throw new IllegalArgumentException("label is required");
    }
    evidence = List.copyOf(evidence);
  }
}
