package dev.rapport.engine.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link IntentTraining} and {@link EventTraining} share: a logistic regression a label
 * (one-vs-rest) over dense features and words, trained by full-batch Adam on the development split
 * only; a threshold a label chosen by five-fold cross-validation and baked into the biases; the
 * cross-validated and writer-held-out figures; writing {@link LabelModel}'s weight file.
 */
final class LabelTraining {

  static final double L2_DENSE = 0.001;

  /**
   * One post: dense features, word keys, which labels it has, and which it could have (complaint
   * and praise need a target), or null when any.
   */
  record Example(double[] dense, List<String> words, boolean[] labels, boolean[] possible)
      implements LinearTraining.Example {}

  record Model(LinearWeights weights) {
    double[] probabilities(Example e) {
      double[] z = LinearTraining.logits(weights, e);
      for (int c = 0; c < z.length; c++) {
        z[c] = e.possible() != null && !e.possible()[c] ? 0 : 1 / (1 + Math.exp(-z[c]));
      }
      return z;
    }
  }

  /** What is learned: the labels' names (the columns), the dense features' names, the settings. */
  record Task(List<String> labels, String[] dense, double l2Words, int minDf) {
    LinearTraining.Settings settings() {
      return new LinearTraining.Settings(labels.size(), 0.9, 0.999, 0.1, 0.001, 0.005);
    }
  }

  private LabelTraining() {}

  /**
   * The ids of the split's English posts, in the order the intent and event examples have them
   * (their writers, for holding each out in turn).
   */
  static List<String> englishIds(String split) {
    List<String> ids = new ArrayList<>();
    for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
      if (p.lang().equals("en")) {
        ids.add(p.id());
      }
    }
    return ids;
  }

  /** Prints five-fold and writer-held-out F1 a label, then a search over the word settings. */
  static void crossValidate(Task task, List<Example> dev, List<String> ids) {
    double[][] p = outOfFold(task, dev, task.l2Words(), task.minDf());
    double[] thresholds = thresholds(task, dev, p);
    print(task, "5-fold CV", dev, p, thresholds);
    double[][] q = new double[dev.size()][];
    LinearTraining.outOfSource(
        dev,
        ids,
        train -> train(task, train, task.l2Words(), task.minDf()),
        (i, e, m) -> q[i] = m.probabilities(e));
    print(task, "each source held out", dev, q, thresholds);
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
          print(task, "source " + s + " held out", part, pp, thresholds);
        });
    for (double l2w : new double[] {0.0003, 0.001, 0.003, 0.01}) {
      for (int minDf : new int[] {2, 3}) {
        double[][] o = outOfFold(task, dev, l2w, minDf);
        print(
            task,
            String.format(Locale.ROOT, "l2_words=%s min_df=%d", l2w, minDf),
            dev,
            o,
            thresholds(task, dev, o));
      }
    }
  }

  static double[][] outOfFold(Task task, List<Example> dev, double l2w, int minDf) {
    double[][] p = new double[dev.size()][];
    LinearTraining.outOfFold(
        dev, train -> train(task, train, l2w, minDf), (i, e, m) -> p[i] = m.probabilities(e));
    return p;
  }

  /** For each label, the threshold in 0.10 ... 0.70 with the best out-of-fold F1. */
  static double[] thresholds(Task task, List<Example> all, double[][] p) {
    double[] out = new double[task.labels().size()];
    for (int c = 0; c < out.length; c++) {
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

  static double f1(List<Example> all, double[][] p, int c, double t) {
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

  private static void print(
      Task task, String what, List<Example> all, double[][] p, double[] thresholds) {
    int tp = 0;
    int wrong = 0;
    for (int i = 0; i < all.size(); i++) {
      for (int c = 0; c < thresholds.length; c++) {
        boolean want = all.get(i).labels()[c];
        boolean have = p[i][c] >= thresholds[c];
        tp += want && have ? 1 : 0;
        wrong += want != have ? 1 : 0;
      }
    }
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s: micro-F1 %.3f;",
                what,
                tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + wrong)));
    for (int c = 0; c < thresholds.length; c++) {
      line.append(
          String.format(
              Locale.ROOT,
              " %s %.3f (at %.2f)",
              task.labels().get(c),
              f1(all, p, c, thresholds[c]),
              thresholds[c]));
    }
    System.out.println(line);
  }

  /** Full-batch Adam on the mean log-loss of each column plus L2 penalties (not on the biases). */
  static Model train(Task task, List<Example> data, double l2w, int minDf) {
    int k = task.labels().size();
    return new Model(
        LinearTraining.train(
            data,
            task.settings(),
            (e, z) -> {
              double[] g = new double[k];
              for (int c = 0; c < k; c++) {
                g[c] = 1 / (1 + Math.exp(-z[c])) - (e.labels()[c] ? 1 : 0);
              }
              return g;
            },
            L2_DENSE,
            l2w,
            minDf));
  }

  /** Trains on all of dev, shifts each bias onto its threshold and writes the weight file. */
  static void write(Task task, List<Example> dev, String file, String header) throws IOException {
    double[][] p = outOfFold(task, dev, task.l2Words(), task.minDf());
    double[] thresholds = thresholds(task, dev, p);
    Model m = train(task, dev, task.l2Words(), task.minDf());
    StringBuilder shifts = new StringBuilder();
    double f = 0;
    for (int c = 0; c < thresholds.length; c++) {
      m.weights().dense()[0][c] -= Math.log(thresholds[c] / (1 - thresholds[c]));
      shifts.append(String.format(Locale.ROOT, " %s=%.2f", task.labels().get(c), thresholds[c]));
      f += f1(dev, p, c, thresholds[c]) / thresholds.length;
    }
    double meanF1 = f;
    LinearTraining.write(
        m.weights(),
        header
            + String.format(
                Locale.ROOT,
                "# l2_dense=%s l2_words=%s min_df=%d iterations=%d thresholds%s (biases"
                    + " shifted)%n",
                L2_DENSE,
                task.l2Words(),
                task.minDf(),
                LinearTraining.ITERATIONS,
                shifts),
        task.dense(),
        file,
        "mean 5-fold CV F1 of the labels %.3f%n",
        () -> meanF1);
  }
}
