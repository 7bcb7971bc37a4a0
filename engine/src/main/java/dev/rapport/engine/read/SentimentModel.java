package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial logistic regression (negative, neutral, positive) over what the VADER-style rules
 * found in a post (their score, positive and negative mass, problem phrases, sarcasm, news, ...)
 * and the post's words. Its weights are data ({@code sentiment_model.tsv}), trained on the
 * development split by {@code SentimentTraining} in the engine's test sources.
 */
final class SentimentModel {

  static final int NEGATIVE = 0;
  static final int NEUTRAL = 1;
  static final int POSITIVE = 2;

  /** A word must push its class this much over neutral to be shown as evidence. */
  private static final double EVIDENCE_WEIGHT = 0.25;

  private static final int MAX_LEARNED_EVIDENCE = 3;

  private final LinearWeights weights;

  /** The score's weights on the rule score and on P(positive) - P(negative). */
  private final double ruleStrength;

  private final double modelStrength;

  SentimentModel(double[][] dense, Map<String, double[]> words) {
    this(new LinearWeights(dense, words), 0, 1);
  }

  private SentimentModel(LinearWeights weights, double ruleStrength, double modelStrength) {
    this.weights = weights;
    this.ruleStrength = ruleStrength;
    this.modelStrength = modelStrength;
  }

  /**
   * The model in the classpath resource, or null when there is none (rules only); the strength
   * blend comes from {@code strength} (absent: the score is P(positive) - P(negative)).
   */
  static SentimentModel load(String resource, String strength) {
    LinearWeights w = LinearWeights.load(resource, SentimentReader.DENSE, 3);
    if (w == null) {
      return null;
    }
    Map<String, Double> blend = WordFiles.numbers(strength);
    return new SentimentModel(w, blend.getOrDefault("rule", 0.0), blend.getOrDefault("model", 1.0));
  }

  double[] probabilities(SentimentReader.Features f) {
    return softmax(weights.logits(f.dense(), f.keys()));
  }

  static double[] softmax(double[] z) {
    double max = Math.max(z[0], Math.max(z[1], z[2]));
    double[] p = new double[3];
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      p[c] = Math.exp(z[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < 3; c++) {
      p[c] /= sum;
    }
    return p;
  }

  Sentiment read(String text, SentimentReader.Features f, double[] p) {
    int best =
        p[NEGATIVE] > p[NEUTRAL] && p[NEGATIVE] >= p[POSITIVE]
            ? NEGATIVE
            : p[POSITIVE] > p[NEUTRAL] ? POSITIVE : NEUTRAL;
    SentimentLabel label =
        best == NEGATIVE
            ? SentimentLabel.NEGATIVE
            : best == POSITIVE ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    double strength = ruleStrength * f.ruleScore() + modelStrength * (p[POSITIVE] - p[NEGATIVE]);
    double score = Math.max(-1, Math.min(1, SentimentReader.round(strength)));
    List<Evidence> evidence = f.evidence();
    if (best != NEUTRAL) {
      evidence = new ArrayList<>(evidence);
      addLearned(text, f, best, evidence);
      if (!pointsTo(evidence, best)) {
        Token t = strongest(f, best);
        if (t == null) {
          // nothing but the post's shape (exclamation, length) moved it: say the post was read
          return new Sentiment(0, SentimentLabel.NEUTRAL, f.evidence());
        }
        String cue = best == NEGATIVE ? "learned negative word" : "learned positive word";
        evidence.add(new Evidence(t.start(), t.end(), text.substring(t.start(), t.end()), cue));
      }
    }
    return new Sentiment(score, label, evidence);
  }

  /** The words that pushed the post most towards its label, beyond those the rules named. */
  private void addLearned(
      String text, SentimentReader.Features f, int label, List<Evidence> evidence) {
    List<Token> picked = new ArrayList<>();
    List<Double> pushes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Token t : f.tokens()) {
      String k = LinearWeights.key(t);
      double[] w = k == null || !seen.add(k) ? null : weights.word(k);
      if (w == null || covered(t, evidence) || !LinearWeights.telling(k)) {
        continue;
      }
      double push = w[label] - w[NEUTRAL];
      if (push >= EVIDENCE_WEIGHT) {
        int at = 0;
        while (at < pushes.size() && pushes.get(at) >= push) {
          at++;
        }
        picked.add(at, t);
        pushes.add(at, push);
      }
    }
    String cue = label == NEGATIVE ? "learned negative word" : "learned positive word";
    for (int i = 0; i < picked.size() && i < MAX_LEARNED_EVIDENCE; i++) {
      Token t = picked.get(i);
      evidence.add(new Evidence(t.start(), t.end(), text.substring(t.start(), t.end()), cue));
    }
  }

  /** Whether some evidence speaks for the label. */
  private static boolean pointsTo(List<Evidence> evidence, int label) {
    for (Evidence e : evidence) {
      String c = e.cue();
      boolean negated = c.startsWith("negated ");
      boolean positive =
          (c.endsWith("positive word") && !negated)
              || (c.endsWith("negative word") && negated)
              || c.equals("glad news");
      boolean negative =
          (c.endsWith("negative word") && !negated)
              || (c.endsWith("positive word") && negated)
              || c.equals("sad news")
              || c.endsWith("problem phrase")
              || c.equals("sarcasm");
      if (label == POSITIVE ? positive : negative) {
        return true;
      }
    }
    return false;
  }

  /** The word that pushed the post most towards the label, however little, or null. */
  private Token strongest(SentimentReader.Features f, int label) {
    Token best = null;
    double most = 0;
    for (Token t : f.tokens()) {
      String k = LinearWeights.key(t);
      double[] w = k == null ? null : weights.word(k);
      if (w != null && w[label] - w[NEUTRAL] > most) {
        most = w[label] - w[NEUTRAL];
        best = t;
      }
    }
    return best;
  }

  private static boolean covered(Token t, List<Evidence> evidence) {
    for (Evidence e : evidence) {
      if (t.start() < e.end() && e.start() < t.end()) {
        return true;
      }
    }
    return false;
  }
}
