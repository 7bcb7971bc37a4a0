package dev.rapport.engine.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains the intent model (a logistic regression an intent over the cue rules' findings, facts
 * about the target, the sentiment rules' and model's findings, and the post's words and word pairs)
 * on the development split only, and estimates how well it generalises by five-fold
 * cross-validation on that split and by holding out each writer's posts in turn.
 *
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes dev.rapport.engine.read.IntentTraining cv
 * java -cp ... dev.rapport.engine.read.IntentTraining write engine/src/main/resources/dev/rapport/engine/read/intent_model.tsv
 * </pre>
 */
public final class IntentTraining {

  static final double L2_DENSE = 0.001;
  static final double L2_WORDS = 0.0003;
  static final int MIN_DF = 2;

  /** One logistic regression a column; Adam as the other models. */
  static final LinearTraining.Settings SETTINGS =
      new LinearTraining.Settings(IntentModel.INTENTS.size(), 0.9, 0.999, 0.1, 0.001, 0.005);

  private static final int K = IntentModel.INTENTS.size();

  record Example(double[] dense, List<String> words, boolean[] labels)
      implements LinearTraining.Example {
    boolean hasTarget() {
      return dense[2] > 0 || dense[3] > 0;
    }
  }

  record Model(LinearWeights weights) {
    double[] probabilities(Example e) {
      double[] z = LinearTraining.logits(weights, e);
      for (int c = 0; c < z.length; c++) {
        z[c] = 1 / (1 + Math.exp(-z[c]));
      }
      if (!e.hasTarget()) {
        z[IntentModel.column(Intent.COMPLAINT)] = 0;
        z[IntentModel.column(Intent.PRAISE)] = 0;
      }
      return z;
    }
  }

  private IntentTraining() {}

  public static void main(String[] args) throws IOException {
    List<Example> dev = examples("dev");
    LinearTraining.run(args, () -> crossValidate(dev), file -> write(dev, file));
  }

  private static void crossValidate(List<Example> dev) {
    double[][] p = outOfFold(dev, L2_WORDS, MIN_DF);
    double[] thresholds = thresholds(dev, p);
    print("5-fold CV", dev, p, thresholds);
    List<String> ids = ids("dev");
    double[][] q = new double[dev.size()][];
    LinearTraining.outOfSource(
        dev, ids, train -> train(train, L2_WORDS, MIN_DF), (i, e, m) -> q[i] = m.probabilities(e));
    print("each source held out", dev, q, thresholds);
    Map<String, List<Integer>> bySource = new TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      bySource.computeIfAbsent(LinearTraining.source(ids.get(i)), s -> new ArrayList<>()).add(i);
    }
    bySource.forEach(
        (s, at) -> {
          List<Example> part = new ArrayList<>();
          double[][] pp = new double[at.size()][];
          for (int j = 0; j < at.size(); j++) {
            part.add(dev.get(at.get(j)));
            pp[j] = q[at.get(j)];
          }
          print("source " + s + " held out", part, pp, thresholds);
        });
    {
      for (double l2w : new double[] {0.0003, 0.001, 0.003, 0.01}) {
        for (int minDf : new int[] {2, 3}) {
          double[][] o = outOfFold(dev, l2w, minDf);
          print(
              String.format(Locale.ROOT, "l2_words=%s min_df=%d", l2w, minDf),
              dev,
              o,
              thresholds(dev, o));
        }
      }
    }
  }

  private static double[][] outOfFold(List<Example> dev, double l2w, int minDf) {
    double[][] p = new double[dev.size()][];
    LinearTraining.outOfFold(
        dev, train -> train(train, l2w, minDf), (i, e, m) -> p[i] = m.probabilities(e));
    return p;
  }

  /** For each intent, the threshold in 0.10 ... 0.70 with the best out-of-fold F1. */
  static double[] thresholds(List<Example> all, double[][] p) {
    double[] out = new double[K];
    for (int c = 0; c < K; c++) {
      double best = -1;
      for (int step = 0; step <= 12; step++) {
        double t = 0.1 + 0.05 * step;
        double f = f1(all, p, c, t);
        if (f > best + 1e-9) {
          best = f;
          out[c] = t;
        }
      }
    }
    return out;
  }

  private static double f1(List<Example> all, double[][] p, int c, double t) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < all.size(); i++) {
      boolean want = all.get(i).labels()[c];
      boolean have = p[i][c] >= t;
      if (want && have) {
        tp++;
      } else if (have) {
        fp++;
      } else if (want) {
        fn++;
      }
    }
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  private static void print(String what, List<Example> all, double[][] p, double[] thresholds) {
    StringBuilder line = new StringBuilder(what + ":");
    for (int c = 0; c < K; c++) {
      line.append(
          String.format(
              Locale.ROOT,
              " %s F1 %.3f (at %.2f)",
              IntentModel.INTENTS.get(c).name().toLowerCase(Locale.ROOT),
              f1(all, p, c, thresholds[c]),
              thresholds[c]));
    }
    System.out.println(line);
  }

  /**
   * The intent model's inputs for the split's English posts. The sentiment model's verdict on each
   * post comes from a sentiment model trained without that post's fold (out-of-fold, the same five
   * folds as the sentiment training's cross-validation), so that the intent model does not learn to
   * trust a sentiment reading that has seen the post.
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
      double[] x = reader.intentFeatures(p.text(), ReaderEvaluation.BRANDS);
      double[] learned = outOfFold.getOrDefault(p.text(), new double[] {0, 0});
      x[x.length - 2] = learned[0];
      x[x.length - 1] = learned[1];
      boolean[] labels = new boolean[K];
      for (int c = 0; c < K; c++) {
        labels[c] =
            p.intents().contains(IntentModel.INTENTS.get(c).name().toLowerCase(Locale.ROOT));
      }
      out.add(
          new Example(
              x,
              LinearWeights.keys(
                  reader.sentimentFeatures(p.text(), ReaderEvaluation.BRANDS).tokens()),
              labels));
    }
    return out;
  }

  /** The ids of {@link #examples}, in the same order. */
  private static List<String> ids(String split) {
    List<String> ids = new ArrayList<>();
    for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
      if (p.lang().equals("en")) {
        ids.add(p.id());
      }
    }
    return ids;
  }

  /** Full-batch Adam on the mean log-loss of each column plus L2 penalties (not on the biases). */
  static Model train(List<Example> data, double l2w, int minDf) {
    return new Model(
        LinearTraining.train(
            data,
            SETTINGS,
            (e, z) -> {
              double[] g = new double[K];
              for (int c = 0; c < K; c++) {
                g[c] = 1 / (1 + Math.exp(-z[c])) - (e.labels()[c] ? 1 : 0);
              }
              return g;
            },
            L2_DENSE,
            l2w,
            minDf));
  }

  private static void write(List<Example> dev, String file) throws IOException {
    double[] thresholds = thresholds(dev, outOfFold(dev, L2_WORDS, MIN_DF));
    Model m = train(dev, L2_WORDS, MIN_DF);
    StringBuilder shifts = new StringBuilder();
    for (int c = 0; c < K; c++) {
      m.weights().dense()[0][c] -= Math.log(thresholds[c] / (1 - thresholds[c]));
      shifts.append(
          String.format(
              Locale.ROOT,
              " %s=%.2f",
              IntentModel.INTENTS.get(c).name().toLowerCase(Locale.ROOT),
              thresholds[c]));
    }
    LinearTraining.write(
        m.weights(),
        "# Rapport's intent model: logistic regression weights (log-odds), a column an intent:"
            + " buying, switching, complaint, praise, question.\n"
            + "# Trained on the development split of the readers' evaluation set by"
            + " IntentTraining (engine test sources);\n# regenerate with `IntentTraining"
            + " write <this file>`. Built by the project (same licence as Rapport).\n"
            + String.format(
                Locale.ROOT,
                "# l2_dense=%s l2_words=%s min_df=%d iterations=%d thresholds%s (biases"
                    + " shifted)%n",
                L2_DENSE,
                L2_WORDS,
                MIN_DF,
                LinearTraining.ITERATIONS,
                shifts),
        IntentModel.DENSE,
        file,
        "out-of-fold complaint F1 %.3f%n",
        () ->
            f1(
                dev,
                outOfFold(dev, L2_WORDS, MIN_DF),
                IntentModel.column(Intent.COMPLAINT),
                thresholds[IntentModel.column(Intent.COMPLAINT)]));
  }
}
