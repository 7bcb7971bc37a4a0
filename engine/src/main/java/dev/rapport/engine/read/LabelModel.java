package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Logistic regressions, one a label, over dense features and a post's words and word pairs: the
 * intent model (a column an intent) and the event model (a column a life event). Weights are data,
 * trained on the development split by {@code IntentTraining} and {@code EventTraining} in the
 * engine's test sources; each column's bias is shifted so that 0.5 falls on the threshold chosen
 * for it by cross-validation.
 */
final class LabelModel {

  /** A word must weigh this much for a label to be shown as its evidence. */
  private static final double EVIDENCE_WEIGHT = 0.25;

  private static final int MAX_EVIDENCE = 3;

  private final LinearWeights weights;

  LabelModel(LinearWeights weights) {
    this.weights = weights;
  }

  /**
   * The model in the classpath resource, or null when there is none (the rules alone).
   *
   * @param dense the dense features' names, in the order the model's input has them
   * @param labels how many labels (columns) it decides
   */
  static LabelModel load(String resource, String[] dense, int labels) {
    LinearWeights w = LinearWeights.load(resource, dense, labels);
    return w == null ? null : new LabelModel(w);
  }

  /** The probability of each label, a column each, from the post's word keys. */
  double[] probabilities(double[] x, List<String> keys) {
    double[] z = weights.logits(x, keys);
    for (int c = 0; c < z.length; c++) {
      z[c] = 1 / (1 + Math.exp(-z[c]));
    }
    return z;
  }

  /**
   * The words that weighed most for the label in column {@code c}, strongest first: telling words
   * (not "was", "our"), or the plain ones when there are no others.
   */
  List<Evidence> evidence(String text, List<Token> tokens, int c, String cue) {
    List<Evidence> telling = evidence(text, tokens, c, cue, true);
    return telling.isEmpty() ? evidence(text, tokens, c, cue, false) : telling;
  }

  private List<Evidence> evidence(
      String text, List<Token> tokens, int c, String cue, boolean tellingOnly) {
    List<Token> picked = new ArrayList<>();
    List<Double> pushes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Token t : tokens) {
      String k = LinearWeights.key(t);
      double[] w = k == null || !seen.add(k) ? null : weights.word(k);
      if (w == null || w[c] < EVIDENCE_WEIGHT || (tellingOnly && !LinearWeights.telling(k))) {
        continue;
      }
      int at = 0;
      while (at < pushes.size() && pushes.get(at) >= w[c]) {
        at++;
      }
      picked.add(at, t);
      pushes.add(at, w[c]);
    }
    List<Evidence> out = new ArrayList<>();
    for (int i = 0; i < picked.size() && i < MAX_EVIDENCE; i++) {
      Token t = picked.get(i);
      out.add(new Evidence(t.start(), t.end(), text.substring(t.start(), t.end()), cue));
    }
    return out;
  }
}
