package dev.rapport.engine.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A logistic regression that decides whether a post with a possible target (a named brand or a
 * service word) is a complaint, over the complaint rule's verdict, the sentiment rules' findings,
 * facts about the target and the post's words. Weights are data ({@code complaint_model.tsv}),
 * trained on the development split by {@code ComplaintTraining} in the engine's test sources.
 */
final class ComplaintModel {

  /** Dense features, in the order {@link IntentReader} fills them. */
  static final String[] DENSE = {
    "bias",
    "rule",
    "named",
    "generic",
    "addressed",
    "news",
    "buying",
    "question",
    "ours",
    "competitor",
    "score",
    "positive",
    "negative",
    "problems",
    "sarcasm",
    "glad",
    "sad",
    "exclamation",
    "negation",
    "contrast",
    "learned_score",
    "learned_negative"
  };

  private final double[] dense;
  private final Map<String, Double> words;

  private ComplaintModel(double[] dense, Map<String, Double> words) {
    this.dense = dense;
    this.words = words;
  }

  /** The model in the classpath resource, or null when there is none (the rule alone). */
  static ComplaintModel load(String resource) {
    try (InputStream in = ComplaintModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      double[] dense = new double[DENSE.length];
      Map<String, Double> words = new HashMap<>(4096);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        double w = Double.parseDouble(f[2]);
        if (f[0].equals("dense")) {
          int j = List.of(DENSE).indexOf(f[1]);
          if (j < 0) {
            throw new IllegalStateException("unknown feature " + f[1] + " in " + resource);
          }
          dense[j] = w;
        } else {
          words.put(f[1], w);
        }
      }
      return new ComplaintModel(dense, words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  double probability(double[] x, List<Token> tokens) {
    double z = 0;
    for (int j = 0; j < x.length; j++) {
      z += x[j] * dense[j];
    }
    Set<String> seen = new HashSet<>();
    for (Token t : tokens) {
      String k = SentimentModel.key(t);
      if (k != null && seen.add(k)) {
        Double w = words.get(k);
        if (w != null) {
          z += w;
        }
      }
    }
    return 1 / (1 + Math.exp(-z));
  }
}
