package dev.rapport.engine.read;

/** The three sentiment classes. */
public enum SentimentLabel {
  NEGATIVE,
  NEUTRAL,
  POSITIVE
}
