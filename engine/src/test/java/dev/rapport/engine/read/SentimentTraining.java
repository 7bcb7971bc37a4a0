package dev.rapport.engine.read;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains the sentiment model (a multinomial logistic regression over the rules' findings and the
 * post's words) on the development split only, and estimates how well it generalises by five-fold
 * cross-validation on that split. Deterministic: same data, same weights.
 *
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes dev.rapport.engine.read.SentimentTraining cv
 * java -cp ... dev.rapport.engine.read.SentimentTraining write engine/src/main/resources/dev/rapport/engine/read/sentiment_model.tsv
 * </pre>
 */
public final class SentimentTraining {

  /** Settings chosen by cross-validation on the development split (see {@code cv}). */
  static final double L2_DENSE = 0.001;

  static final double L2_WORDS = 0.01;
  static final int MIN_DF = 3;
  static final int ITERATIONS = 400;
  static final double RATE = 0.05;

  /**
   * Added to the negative and positive biases of the written model: the shift of the class priors
   * that maximises the out-of-fold macro-F1 on dev (see {@code cv}); the cross-entropy fit leans
   * towards the largest class, neutral.
   */
  static final double NEGATIVE_SHIFT = 0.5;

  static final double POSITIVE_SHIFT = 0.0;

  private static final String[] LABELS = {"negative", "neutral", "positive"};

  record Example(double[] dense, List<String> words, int label) {}

  record Model(double[][] dense, Map<String, double[]> words) {
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
      double[][] d = new double[dense.length][];
      for (int j = 0; j < dense.length; j++) {
        d[j] = dense[j].clone();
      }
      d[0][0] += NEGATIVE_SHIFT;
      d[0][2] += POSITIVE_SHIFT;
      return new Model(d, words);
    }

    /** The score the reader reports: P(positive) - P(negative). */
    double score(Example e) {
      double[] p = SentimentModel.softmax(logits(e));
      return p[2] - p[0];
    }

    double[] logits(Example e) {
      double[] z = new double[3];
      for (int j = 0; j < e.dense().length; j++) {
        for (int c = 0; c < 3; c++) {
          z[c] += e.dense()[j] * dense[j][c];
        }
      }
      for (String w : e.words()) {
        double[] v = words.get(w);
        if (v != null) {
          for (int c = 0; c < 3; c++) {
            z[c] += v[c];
          }
        }
      }
      return z;
    }
  }

  private SentimentTraining() {}

  public static void main(String[] args) throws IOException {
    List<Example> dev = examples("dev");
    String mode = args.length > 0 ? args[0] : "cv";
    if (mode.equals("cv")) {
      System.out.printf(Locale.ROOT, "rules alone on dev: macro-F1 %.3f%n", rulesAlone("dev"));
      for (double l2w : new double[] {0.003, 0.01, 0.03, 0.1, 1e9}) {
        for (int minDf : new int[] {2, 3, 5}) {
          if (l2w > 1e8 && minDf > 2) {
            continue;
          }
          System.out.printf(
              Locale.ROOT,
              "l2_words=%s min_df=%d: 5-fold CV macro-F1 %.3f%n",
              l2w > 1e8 ? "inf (rules' features only)" : Double.toString(l2w),
              minDf,
              crossValidate(dev, L2_DENSE, l2w, minDf));
        }
      }
      shifts(dev);
    } else if (mode.equals("write")) {
      Model m = train(dev, L2_DENSE, L2_WORDS, MIN_DF).shifted();
      write(m, Path.of(args[1]));
      System.out.printf(
          Locale.ROOT,
          "wrote %s: %d words; CV macro-F1 %.3f before the shift of priors%n",
          args[1],
          m.words().size(),
          crossValidate(dev, L2_DENSE, L2_WORDS, MIN_DF));
    } else {
      throw new IllegalArgumentException("usage: cv | write FILE");
    }
  }

  /** Prints the out-of-fold macro-F1 for shifts of the negative and positive biases. */
  private static void shifts(List<Example> all) {
    int folds = 5;
    double[][] logits = new double[all.size()][];
    for (int k = 0; k < folds; k++) {
      List<Example> train = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if (i % folds != k) {
          train.add(all.get(i));
        }
      }
      Model m = train(train, L2_DENSE, L2_WORDS, MIN_DF);
      for (int i = k; i < all.size(); i += folds) {
        logits[i] = m.logits(all.get(i));
      }
    }
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
      out.add(new Example(f.dense(), SentimentModel.keys(f.tokens()), label));
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
    int folds = 5;
    int[][] confusion = new int[3][3];
    for (int k = 0; k < folds; k++) {
      List<Example> train = new ArrayList<>();
      List<Example> held = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        (i % folds == k ? held : train).add(all.get(i));
      }
      Model m = train(train, l2d, l2w, minDf);
      for (Example e : held) {
        confusion[e.label()][m.predict(e)]++;
      }
    }
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
    Map<String, Integer> df = new HashMap<>();
    for (Example e : data) {
      for (String w : e.words()) {
        df.merge(w, 1, Integer::sum);
      }
    }
    Map<String, Integer> vocab = new TreeMap<>();
    if (l2w < 1e8) {
      for (Map.Entry<String, Integer> e : new TreeMap<>(df).entrySet()) {
        if (e.getValue() >= minDf) {
          vocab.put(e.getKey(), vocab.size());
        }
      }
    }
    int d = data.get(0).dense().length;
    int n = d + vocab.size();
    double[][] w = new double[n][3];
    double[][] m1 = new double[n][3];
    double[][] m2 = new double[n][3];
    int[][] idx = new int[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      List<Integer> ids = new ArrayList<>();
      for (String s : data.get(i).words()) {
        Integer id = vocab.get(s);
        if (id != null) {
          ids.add(d + id);
        }
      }
      idx[i] = ids.stream().mapToInt(Integer::intValue).toArray();
    }
    double b1 = 0.9;
    double b2 = 0.999;
    for (int it = 1; it <= ITERATIONS; it++) {
      double[][] g = new double[n][3];
      for (int i = 0; i < data.size(); i++) {
        Example e = data.get(i);
        double[] z = new double[3];
        for (int j = 0; j < d; j++) {
          for (int c = 0; c < 3; c++) {
            z[c] += e.dense()[j] * w[j][c];
          }
        }
        for (int j : idx[i]) {
          for (int c = 0; c < 3; c++) {
            z[c] += w[j][c];
          }
        }
        double[] p = SentimentModel.softmax(z);
        p[e.label()] -= 1;
        for (int c = 0; c < 3; c++) {
          double r = p[c] / data.size();
          for (int j = 0; j < d; j++) {
            g[j][c] += r * e.dense()[j];
          }
          for (int j : idx[i]) {
            g[j][c] += r;
          }
        }
      }
      for (int j = 0; j < n; j++) {
        double l2 = j == 0 ? 0 : j < d ? l2d : l2w;
        for (int c = 0; c < 3; c++) {
          double gr = g[j][c] + l2 * w[j][c];
          m1[j][c] = b1 * m1[j][c] + (1 - b1) * gr;
          m2[j][c] = b2 * m2[j][c] + (1 - b2) * gr * gr;
          double mh = m1[j][c] / (1 - Math.pow(b1, it));
          double vh = m2[j][c] / (1 - Math.pow(b2, it));
          w[j][c] -= RATE * mh / (Math.sqrt(vh) + 1e-8);
        }
      }
    }
    double[][] dense = new double[d][];
    for (int j = 0; j < d; j++) {
      dense[j] = w[j];
    }
    Map<String, double[]> words = new HashMap<>();
    for (Map.Entry<String, Integer> e : vocab.entrySet()) {
      double[] v = w[d + e.getValue()];
      if (Math.abs(v[0]) + Math.abs(v[1]) + Math.abs(v[2]) >= 0.01) {
        words.put(e.getKey(), v);
      }
    }
    return new Model(dense, words);
  }

  private static void write(Model m, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "# Rapport's sentiment model: multinomial logistic regression, weights for negative,"
              + " neutral, positive.\n# Trained on the development split of the readers'"
              + " evaluation set by SentimentTraining (engine test sources);\n# regenerate with"
              + " `SentimentTraining write <this file>`. Built by the project (same licence as"
              + " Rapport).\n");
      out.write(
          String.format(
              Locale.ROOT,
              "# l2_dense=%s l2_words=%s min_df=%d iterations=%d%n",
              L2_DENSE,
              L2_WORDS,
              MIN_DF,
              ITERATIONS));
      for (int j = 0; j < m.dense().length; j++) {
        out.write(line("dense", SentimentReader.DENSE[j], m.dense()[j]));
      }
      for (Map.Entry<String, double[]> e : new TreeMap<>(m.words()).entrySet()) {
        out.write(line("word", e.getKey(), e.getValue()));
      }
    }
  }

  private static String line(String kind, String name, double[] w) {
    return String.format(Locale.ROOT, "%s\t%s\t%.4f\t%.4f\t%.4f%n", kind, name, w[0], w[1], w[2]);
  }
}
