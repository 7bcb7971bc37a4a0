package dev.rapport.sales.leads;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which stage a score earns: the furthest threshold stage the score reaches, and only when that
 * stage lies ahead of where the person stands (a falling score never moves anyone back).
 */
final class Thresholds {

  /** A threshold on a stage of the active model, with the stage's position in it. */
  record Threshold(long stageId, String stageName, int position, int minScore) {}

  private Thresholds() {}

  /**
   * The stage to move into, if any. {@code currentPosition} is the person's stage position in the
   * active model, or 0 when they have no stage there yet.
   */
  static Optional<Threshold> earned(List<Threshold> thresholds, int currentPosition, int score) {
    return thresholds.stream()
        .filter(t -> score >= t.minScore())
        .max(Comparator.comparingInt(Threshold::position))
        .filter(t -> t.position() > currentPosition);
  }

  /** The history's reason: "score 72 ≥ 70: asked for recommendations on Mastodon". */
  static String why(int score, Threshold t, String headline) {
    return "score " + score + " \u2265 " + t.minScore() + ": " + headline;
  }
}
