package dev.rapport.engine.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the complaint model (a logistic regression over the complaint rule's verdict, the
 * sentiment rules' findings, facts about the target and the post's words) on the development split
 * only, and estimates how well it generalises by five-fold cross-validation on that split.
 *
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes dev.rapport.engine.read.ComplaintTraining cv
 * java -cp ... dev.rapport.engine.read.ComplaintTraining write engine/src/main/resources/dev/rapport/engine/read/complaint_model.tsv
 * </pre>
 */
public final class ComplaintTraining {

  static final double L2_DENSE = 0.001;
  static final double L2_WORDS = 0.01;
  static final int MIN_DF = 3;

  /**
   * The probability at which a post is read as a complaint, chosen by cross-validation on dev; the
   * written bias is shifted so that the reader's threshold of 0.5 falls on it.
   */
  static final double THRESHOLD = 0.4;

  /** Logistic regression: one class, the log-odds of a complaint; Adam as first written. */
  static final LinearTraining.Settings SETTINGS =
      new LinearTraining.Settings(1, 0.9, 0.999, 0.1, 0.001, 0.005);

  record Example(double[] dense, List<String> words, boolean complaint)
      implements LinearTraining.Example {
    boolean hasTarget() {
      return dense[2] > 0 || dense[3] > 0;
    }
  }

  record Model(LinearWeights weights) {
    double probability(Example e) {
      double z = LinearTraining.logits(weights, e)[0];
      return 1 / (1 + Math.exp(-z));
    }

    boolean complaint(Example e, double threshold) {
      return e.hasTarget() && probability(e) >= threshold;
    }
  }

  private ComplaintTraining() {}

  public static void main(String[] args) throws IOException {
    List<Example> dev = examples("dev");
    if (List.of(args).contains("--no-rule")) {
      for (Example e : dev) {
        e.dense()[1] = 0;
      }
    }
    LinearTraining.run(args, () -> crossValidate(dev), file -> write(dev, file));
  }

  private static void crossValidate(List<Example> dev) {
    int[] rule = new int[3];
    for (Example e : dev) {
      count(rule, e.complaint(), e.dense()[1] >= IntentReader.MIN_CONFIDENCE);
    }
    System.out.printf(Locale.ROOT, "rule alone on dev: F1 %.3f%n", f1(rule));
    LinearTraining.searchWords(
        "F1",
        "inf (no words)",
        (l2w, minDf) -> crossValidate(dev, L2_DENSE, l2w, minDf, THRESHOLD));
    for (double t = 0.25; t < 0.66; t += 0.05) {
      System.out.printf(
          Locale.ROOT,
          "threshold %.2f: 5-fold CV F1 %.3f%n",
          t,
          crossValidate(dev, L2_DENSE, L2_WORDS, MIN_DF, t));
    }
  }

  /**
   * The complaint model's inputs for the split's English posts. The sentiment model's verdict on
   * each post comes from a sentiment model trained without that post's fold (out-of-fold, the same
   * five folds as the sentiment training's cross-validation), so that the complaint model does not
   * learn to trust a sentiment reading that has seen the post.
   */
  static List<Example> examples(String split) {
    List<SentimentTraining.Example> sentiments = SentimentTraining.examples(split);
    Map<String, double[]> outOfFold = new HashMap<>();
    List<String> texts = SentimentTraining.texts(split);
    LinearTraining.outOfFold(
        sentiments,
        train ->
            SentimentTraining.train(
                    train,
                    SentimentTraining.L2_DENSE,
                    SentimentTraining.L2_WORDS,
                    SentimentTraining.MIN_DF)
                .shifted(),
        (i, e, m) ->
            outOfFold.put(texts.get(i), new double[] {m.score(e), m.predict(e) == 0 ? 1 : 0}));
    PostReader reader = PostReader.rulesOnly();
    List<Example> out = new ArrayList<>();
    for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
      if (!p.lang().equals("en")) {
        continue;
      }
      double[] x = reader.complaintFeatures(p.text(), ReaderEvaluation.BRANDS);
      double[] learned = outOfFold.getOrDefault(p.text(), new double[] {0, 0});
      x[x.length - 2] = learned[0];
      x[x.length - 1] = learned[1];
      out.add(
          new Example(
              x,
              LinearWeights.keys(
                  reader.sentimentFeatures(p.text(), ReaderEvaluation.BRANDS).tokens()),
              p.intents().contains("complaint")));
    }
    return out;
  }

  private static void count(int[] c, boolean want, boolean have) {
    if (want && have) {
      c[0]++;
    } else if (have) {
      c[1]++;
    } else if (want) {
      c[2]++;
    }
  }

  private static double f1(int[] c) {
    return c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
  }

  static double crossValidate(
      List<Example> all, double l2d, double l2w, int minDf, double threshold) {
    int[] c = new int[3];
    LinearTraining.outOfFold(
        all,
        train -> train(train, l2d, l2w, minDf),
        (i, e, m) -> count(c, e.complaint(), m.complaint(e, threshold)));
    return f1(c);
  }

  /** Full-batch Adam on the mean log-loss plus L2 penalties (the bias is not penalised). */
  static Model train(List<Example> data, double l2d, double l2w, int minDf) {
    return new Model(
        LinearTraining.train(
            data,
            SETTINGS,
            (e, z) -> new double[] {1 / (1 + Math.exp(-z[0])) - (e.complaint() ? 1 : 0)},
            l2d,
            l2w,
            minDf));
  }

  private static void write(List<Example> dev, String file) throws IOException {
    Model m = train(dev, L2_DENSE, L2_WORDS, MIN_DF);
    m.weights().dense()[0][0] -= Math.log(THRESHOLD / (1 - THRESHOLD));
    LinearTraining.write(
        m.weights(),
        "# Rapport's complaint model: logistic regression weights (log-odds of a complaint).\n"
            + "# Trained on the development split of the readers' evaluation set by"
            + " ComplaintTraining (engine test sources);\n# regenerate with `ComplaintTraining"
            + " write <this file>`. Built by the project (same licence as Rapport).\n"
            + String.format(
                Locale.ROOT,
                "# l2_dense=%s l2_words=%s min_df=%d iterations=%d threshold=%s (bias shifted)%n",
                L2_DENSE,
                L2_WORDS,
                MIN_DF,
                LinearTraining.ITERATIONS,
                THRESHOLD),
        ComplaintModel.DENSE,
        file,
        "CV F1 %.3f%n",
        () -> crossValidate(dev, L2_DENSE, L2_WORDS, MIN_DF, THRESHOLD));
  }
}
