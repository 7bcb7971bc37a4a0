package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Logistic regressions, one an intent (buying, switching, complaint, praise, question), that decide
 * a post's intents over what the cue rules found, facts about the post's target (a named brand or a
 * service word), the sentiment rules' findings, the sentiment model's verdict and the post's words
 * and word pairs. Weights are data ({@code intent_model.tsv}), a column an intent, trained on the
 * development split by {@code IntentTraining} in the engine's test sources; each column's bias is
 * shifted so that 0.5 falls on the threshold chosen for it by cross-validation.
 */
final class IntentModel {

  /** The intents, in the order of the weight file's columns. */
  static final List<Intent> INTENTS =
      List.of(Intent.BUYING, Intent.SWITCHING, Intent.COMPLAINT, Intent.PRAISE, Intent.QUESTION);

  /**
   * Dense features, in the order {@link IntentReader} fills them: facts about the target, the
   * sentiment rules' findings it copies from {@link SentimentReader#DENSE} (score to sad, then
   * exclamation to contrast), the cue rules' confidences, then the sentiment model's verdict.
   */
  static final String[] DENSE =
      Stream.of(
              Stream.of(
                  "bias",
                  "rule",
                  "named",
                  "generic",
                  "addressed",
                  "news",
                  "buying",
                  "question",
                  "ours",
                  "competitor"),
              Arrays.stream(SentimentReader.DENSE, 1, 8),
              Arrays.stream(SentimentReader.DENSE, 9, 12),
              Stream.of(
                  "buy_rule",
                  "switch_rule",
                  "praise_rule",
                  "question_rule",
                  "job_seeking",
                  "refusing",
                  "learned_score",
                  "learned_negative"))
          .flatMap(s -> s)
          .toArray(String[]::new);

  /** A word must weigh this much for an intent to be shown as its evidence. */
  private static final double EVIDENCE_WEIGHT = 0.25;

  private static final int MAX_EVIDENCE = 3;

  private final LinearWeights weights;

  IntentModel(LinearWeights weights) {
    this.weights = weights;
  }

  /** The model in the classpath resource, or null when there is none (the rules alone). */
  static IntentModel load(String resource) {
    LinearWeights w = LinearWeights.load(resource, DENSE, INTENTS.size());
    return w == null ? null : new IntentModel(w);
  }

  static int column(Intent intent) {
    return INTENTS.indexOf(intent);
  }

  /** The probability of each intent, in the order of {@link #INTENTS}. */
  double[] probabilities(double[] x, List<Token> tokens) {
    double[] z = weights.logits(x, tokens);
    for (int c = 0; c < z.length; c++) {
      z[c] = 1 / (1 + Math.exp(-z[c]));
    }
    return z;
  }

  /** The words that weighed most for the intent, strongest first. */
  List<Evidence> evidence(String text, List<Token> tokens, Intent intent) {
    int c = column(intent);
    List<Token> picked = new ArrayList<>();
    List<Double> pushes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Token t : tokens) {
      String k = LinearWeights.key(t);
      double[] w = k == null || !seen.add(k) ? null : weights.word(k);
      if (w == null || w[c] < EVIDENCE_WEIGHT) {
        continue;
      }
      int at = 0;
      while (at < pushes.size() && pushes.get(at) >= w[c]) {
        at++;
      }
      picked.add(at, t);
      pushes.add(at, w[c]);
    }
    String cue = "learned " + intent.name().toLowerCase(java.util.Locale.ROOT) + " word";
    List<Evidence> out = new ArrayList<>();
    for (int i = 0; i < picked.size() && i < MAX_EVIDENCE; i++) {
      Token t = picked.get(i);
      out.add(new Evidence(t.start(), t.end(), text.substring(t.start(), t.end()), cue));
    }
    return out;
  }
}
