package dev.rapport.engine.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first sentiment trainer, kept for comparison and for what {@link RealSentimentTraining}
 * reuses (the example, model and fit): it trains the same multinomial logistic regression over the
 * rules' findings and the post's words on the project's development split only, and estimates how
 * well it generalises by five-fold cross-validation on that split. Deterministic: same data, same
 * weights.
 *
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes dev.rapport.engine.read.SentimentTraining cv
 * java -cp ... dev.rapport.engine.read.SentimentTraining write /tmp/project-only-sentiment_model.tsv
 * </pre>
 */
public final class SentimentTraining {

  /** Settings chosen by cross-validation on the development split (see {@code cv}). */
  static final double L2_DENSE = 0.001;

  static final double L2_WORDS = 0.001;
  static final int MIN_DF = 2;

  /**
   * Added to the negative and positive biases of the written model: the shift of the class priors
   * that maximises the out-of-fold macro-F1 on dev (see {@code cv}); the cross-entropy fit leans
   * towards the largest class, neutral.
   */
  static final double NEGATIVE_SHIFT = 0.3;

  static final double POSITIVE_SHIFT = 0.2;

  private static final String[] LABELS = {"negative", "neutral", "positive"};

  /** Three classes (negative, neutral, positive); Adam as first written. */
  static final LinearTraining.Settings SETTINGS =
      new LinearTraining.Settings(3, 0.9, 0.999, 1 - 0.9, 1 - 0.999, 0.01);

  record Example(double[] dense, List<String> words, int label) implements LinearTraining.Example {}

  record Model(LinearWeights weights) {
    int predict(Example e) {
      double[] z = logits(e);
      int best = 1;
      for (int c = 0; c < 3; c++) {
        if (z[c] > z[best]) {
          best = c;
        }
      }
      return best;
    }

    /** This model with the chosen shifts of the class priors. */
    Model shifted() {
      double[][] d = new double[weights.dense().length][];
      for (int j = 0; j < d.length; j++) {
        d[j] = weights.dense()[j].clone();
      }
      d[0][0] += NEGATIVE_SHIFT;
      d[0][2] += POSITIVE_SHIFT;
      return new Model(new LinearWeights(d, weights.words()));
    }

    /** The score the reader reports: P(positive) - P(negative). */
    double score(Example e) {
      double[] p = SentimentModel.softmax(logits(e));
      return p[2] - p[0];
    }

    double[] logits(Example e) {
      return LinearTraining.logits(weights, e);
    }
  }

  private SentimentTraining() {}

  public static void main(String[] args) throws IOException {
    List<Example> dev = examples("dev");
    LinearTraining.run(args, () -> crossValidate(dev), file -> write(dev, file));
  }

  private static void crossValidate(List<Example> dev) {
    System.out.printf(Locale.ROOT, "rules alone on dev: macro-F1 %.3f%n", rulesAlone("dev"));
    LinearTraining.searchWords(
        "macro-F1",
        "inf (rules' features only)",
        (l2w, minDf) -> crossValidate(dev, L2_DENSE, l2w, minDf));
    shifts(dev);
    bySource(dev, ids("dev"));
  }

  /** Prints the out-of-fold macro-F1 for shifts of the negative and positive biases. */
  private static void shifts(List<Example> all) {
    double[][] logits = new double[all.size()][];
    LinearTraining.outOfFold(
        all,
        train -> train(train, L2_DENSE, L2_WORDS, MIN_DF),
        (i, e, m) -> logits[i] = m.logits(e));
    double best = -1;
    String bestAt = "";
    for (double dn = -1; dn <= 1.001; dn += 0.1) {
      for (double dp = -1; dp <= 1.001; dp += 0.1) {
        int[][] confusion = new int[3][3];
        for (int i = 0; i < all.size(); i++) {
          double[] z = {logits[i][0] + dn, logits[i][1], logits[i][2] + dp};
          int p = 1;
          for (int c = 0; c < 3; c++) {
            if (z[c] > z[p]) {
              p = c;
            }
          }
          confusion[all.get(i).label()][p]++;
        }
        double f = macroF1(confusion);
        if (f > best + 1e-9) {
          best = f;
          bestAt = String.format(Locale.ROOT, "negative %+.1f positive %+.1f", dn, dp);
        }
        if (Math.abs(dn) < 1e-9 && Math.abs(dp) < 1e-9) {
          System.out.printf(Locale.ROOT, "no shift: out-of-fold macro-F1 %.3f%n", f);
        }
      }
    }
    System.out.printf(Locale.ROOT, "best shift %s: out-of-fold macro-F1 %.3f%n", bestAt, best);
  }

  static List<Example> examples(String split) {
    PostReader reader = PostReader.rulesOnly();
    List<Example> out = new ArrayList<>();
    for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
      int label = List.of(LABELS).indexOf(p.sentiment());
      if (!p.lang().equals("en") || label < 0) {
        continue;
      }
      SentimentReader.Features f = reader.sentimentFeatures(p.text(), ReaderEvaluation.BRANDS);
      out.add(new Example(f.dense(), LinearWeights.keys(f.tokens()), label));
    }
    return out;
  }

  /** The texts of {@link #examples}, in the same order. */
  static List<String> texts(String split) {
    List<String> out = new ArrayList<>();
    for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
      if (p.lang().equals("en") && List.of(LABELS).contains(p.sentiment())) {
        out.add(p.text());
      }
    }
    return out;
  }

  /** The ids of {@link #examples}, in the same order. */
  static List<String> ids(String split) {
    List<String> out = new ArrayList<>();
    for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
      if (p.lang().equals("en") && List.of(LABELS).contains(p.sentiment())) {
        out.add(p.id());
      }
    }
    return out;
  }

  /** Macro-F1 on each source's posts by a model trained on the other sources' posts. */
  private static void bySource(List<Example> all, List<String> ids) {
    Map<String, int[][]> confusions = new TreeMap<>();
    int[][] pooled = new int[3][3];
    LinearTraining.outOfSource(
        all,
        ids,
        train -> train(train, L2_DENSE, L2_WORDS, MIN_DF).shifted(),
        (i, e, m) -> {
          int p = m.predict(e);
          confusions
              .computeIfAbsent(LinearTraining.source(ids.get(i)), s -> new int[3][3])[e.label()][
              p]++;
          pooled[e.label()][p]++;
        });
    confusions.forEach(
        (s, c) ->
            System.out.printf(Locale.ROOT, "source %s held out: macro-F1 %.3f%n", s, macroF1(c)));
    System.out.printf(
        Locale.ROOT, "each source held out, pooled: macro-F1 %.3f%n", macroF1(pooled));
  }

  private static double rulesAlone(String split) {
    PostReader reader = PostReader.rulesOnly();
    int[][] confusion = new int[3][3];
    for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
      int label = List.of(LABELS).indexOf(p.sentiment());
      if (!p.lang().equals("en") || label < 0) {
        continue;
      }
      double s = reader.sentimentFeatures(p.text(), ReaderEvaluation.BRANDS).ruleScore();
      SentimentLabel l = SentimentReader.label(s);
      confusion[label][l.ordinal() == 0 ? 0 : l == SentimentLabel.NEUTRAL ? 1 : 2]++;
    }
    return macroF1(confusion);
  }

  static double crossValidate(List<Example> all, double l2d, double l2w, int minDf) {
    int[][] confusion = new int[3][3];
    LinearTraining.outOfFold(
        all,
        train -> train(train, l2d, l2w, minDf),
        (i, e, m) -> confusion[e.label()][m.predict(e)]++);
    return macroF1(confusion);
  }

  static double macroF1(int[][] confusion) {
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      int tp = confusion[c][c];
      int fp = 0;
      int fn = 0;
      for (int o = 0; o < 3; o++) {
        if (o != c) {
          fp += confusion[o][c];
          fn += confusion[c][o];
        }
      }
      sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / 3;
  }

  /** Full-batch Adam on the mean cross-entropy plus L2 penalties (the bias is not penalised). */
  static Model train(List<Example> data, double l2d, double l2w, int minDf) {
    return new Model(
        LinearTraining.train(
            data,
            SETTINGS,
            (e, z) -> {
              double[] p = SentimentModel.softmax(z);
              p[e.label()] -= 1;
              return p;
            },
            l2d,
            l2w,
            minDf));
  }

  private static void write(List<Example> dev, String file) throws IOException {
    LinearTraining.write(
        train(dev, L2_DENSE, L2_WORDS, MIN_DF).shifted().weights(),
        "# Rapport's sentiment model: multinomial logistic regression, weights for negative,"
            + " neutral, positive.\n# Trained on the development split of the readers'"
            + " evaluation set by SentimentTraining (engine test sources);\n# regenerate with"
            + " `SentimentTraining write <this file>`. Built by the project (same licence as"
            + " Rapport).\n"
            + String.format(
                Locale.ROOT,
                "# l2_dense=%s l2_words=%s min_df=%d iterations=%d%n",
                L2_DENSE,
                L2_WORDS,
                MIN_DF,
                LinearTraining.ITERATIONS),
        SentimentReader.DENSE,
        file,
        "CV macro-F1 %.3f before the shift of priors%n",
        () -> crossValidate(dev, L2_DENSE, L2_WORDS, MIN_DF));
  }
}
