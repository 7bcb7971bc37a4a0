package dev.rapport.engine.read;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A logistic regression that decides whether a post with a possible target (a named brand or a
 * service word) is a complaint, over the complaint rule's verdict, the sentiment rules' findings,
 * facts about the target and the post's words. Weights are data ({@code complaint_model.tsv}),
 * trained on the development split by {@code ComplaintTraining} in the engine's test sources.
 */
final class ComplaintModel {

  /**
   * Dense features, in the order {@link IntentReader} fills them: facts about the target, then the
   * sentiment rules' findings it copies from {@link SentimentReader#DENSE} (score to sad, then
   * exclamation to contrast), then the sentiment model's verdict.
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
              Stream.of("learned_score", "learned_negative"))
          .flatMap(s -> s)
          .toArray(String[]::new);

  private final LinearWeights weights;

  private ComplaintModel(LinearWeights weights) {
    this.weights = weights;
  }

  /** The model in the classpath resource, or null when there is none (the rule alone). */
  static ComplaintModel load(String resource) {
    LinearWeights w = LinearWeights.load(resource, DENSE, 1);
    return w == null ? null : new ComplaintModel(w);
  }

  double probability(double[] x, List<Token> tokens) {
    double z = weights.logits(x, tokens)[0];
    return 1 / (1 + Math.exp(-z));
  }
}
