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
  static final int ITERATIONS = 400;

  /**
   * The probability at which a post is read as a complaint, chosen by cross-validation on dev; the
   * written bias is shifted so that the reader's threshold of 0.5 falls on it.
   */
  static final double THRESHOLD = 0.4;

  static final double RATE = 0.05;

  record Example(double[] dense, List<String> words, boolean complaint) {
    boolean hasTarget() {
      return dense[2] > 0 || dense[3] > 0;
    }
  }

  record Model(double[] dense, Map<String, Double> words) {
    double probability(Example e) {
      double z = 0;
      for (int j = 0; j < e.dense().length; j++) {
        z += e.dense()[j] * dense[j];
      }
      for (String w : e.words()) {
        z += words.getOrDefault(w, 0.0);
      }
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
    String mode = args.length > 0 ? args[0] : "cv";
    if (mode.equals("cv")) {
      int[] rule = new int[3];
      for (Example e : dev) {
        count(rule, e.complaint(), e.dense()[1] >= IntentReader.MIN_CONFIDENCE);
      }
      System.out.printf(Locale.ROOT, "rule alone on dev: F1 %.3f%n", f1(rule));
      for (double l2w : new double[] {0.003, 0.01, 0.03, 0.1, 1e9}) {
        for (int minDf : new int[] {2, 3, 5}) {
          if (l2w > 1e8 && minDf > 2) {
            continue;
          }
          System.out.printf(
              Locale.ROOT,
              "l2_words=%s min_df=%d: 5-fold CV F1 %.3f%n",
              l2w > 1e8 ? "inf (no words)" : Double.toString(l2w),
              minDf,
              crossValidate(dev, L2_DENSE, l2w, minDf, THRESHOLD));
        }
      }
      for (double t = 0.25; t < 0.66; t += 0.05) {
        System.out.printf(
            Locale.ROOT,
            "threshold %.2f: 5-fold CV F1 %.3f%n",
            t,
            crossValidate(dev, L2_DENSE, L2_WORDS, MIN_DF, t));
      }
    } else if (mode.equals("write")) {
      Model m = train(dev, L2_DENSE, L2_WORDS, MIN_DF);
      m.dense()[0] -= Math.log(THRESHOLD / (1 - THRESHOLD));
      write(m, Path.of(args[1]));
      System.out.printf(
          Locale.ROOT,
          "wrote %s: %d words; CV F1 %.3f%n",
          args[1],
          m.words().size(),
          crossValidate(dev, L2_DENSE, L2_WORDS, MIN_DF, THRESHOLD));
    } else {
      throw new IllegalArgumentException("usage: cv | write FILE");
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
    int folds = 5;
    for (int k = 0; k < folds; k++) {
      List<SentimentTraining.Example> train = new ArrayList<>();
      for (int i = 0; i < sentiments.size(); i++) {
        if (i % folds != k) {
          train.add(sentiments.get(i));
        }
      }
      SentimentTraining.Model m =
          SentimentTraining.train(
                  train,
                  SentimentTraining.L2_DENSE,
                  SentimentTraining.L2_WORDS,
                  SentimentTraining.MIN_DF)
              .shifted();
      for (int i = k; i < sentiments.size(); i += folds) {
        SentimentTraining.Example e = sentiments.get(i);
        outOfFold.put(texts.get(i), new double[] {m.score(e), m.predict(e) == 0 ? 1 : 0});
      }
    }
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
              SentimentModel.keys(
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
    int folds = 5;
    int[] c = new int[3];
    for (int k = 0; k < folds; k++) {
      List<Example> train = new ArrayList<>();
      List<Example> held = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        (i % folds == k ? held : train).add(all.get(i));
      }
      Model m = train(train, l2d, l2w, minDf);
      for (Example e : held) {
        count(c, e.complaint(), m.complaint(e, threshold));
      }
    }
    return f1(c);
  }

  /** Full-batch Adam on the mean log-loss plus L2 penalties (the bias is not penalised). */
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
    double[] w = new double[n];
    double[] m1 = new double[n];
    double[] m2 = new double[n];
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
    for (int it = 1; it <= ITERATIONS; it++) {
      double[] g = new double[n];
      for (int i = 0; i < data.size(); i++) {
        Example e = data.get(i);
        double z = 0;
        for (int j = 0; j < d; j++) {
          z += e.dense()[j] * w[j];
        }
        for (int j : idx[i]) {
          z += w[j];
        }
        double r = (1 / (1 + Math.exp(-z)) - (e.complaint() ? 1 : 0)) / data.size();
        for (int j = 0; j < d; j++) {
          g[j] += r * e.dense()[j];
        }
        for (int j : idx[i]) {
          g[j] += r;
        }
      }
      for (int j = 0; j < n; j++) {
        double gr = g[j] + (j == 0 ? 0 : j < d ? l2d : l2w) * w[j];
        m1[j] = 0.9 * m1[j] + 0.1 * gr;
        m2[j] = 0.999 * m2[j] + 0.001 * gr * gr;
        double mh = m1[j] / (1 - Math.pow(0.9, it));
        double vh = m2[j] / (1 - Math.pow(0.999, it));
        w[j] -= RATE * mh / (Math.sqrt(vh) + 1e-8);
      }
    }
    double[] dense = new double[d];
    System.arraycopy(w, 0, dense, 0, d);
    Map<String, Double> words = new HashMap<>();
    for (Map.Entry<String, Integer> e : vocab.entrySet()) {
      double v = w[d + e.getValue()];
      if (Math.abs(v) >= 0.005) {
        words.put(e.getKey(), v);
      }
    }
    return new Model(dense, words);
  }

  private static void write(Model m, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "# Rapport's complaint model: logistic regression weights (log-odds of a complaint).\n"
              + "# Trained on the development split of the readers' evaluation set by"
              + " ComplaintTraining (engine test sources);\n# regenerate with `ComplaintTraining"
              + " write <this file>`. Built by the project (same licence as Rapport).\n");
      out.write(
          String.format(
              Locale.ROOT,
              "# l2_dense=%s l2_words=%s min_df=%d iterations=%d threshold=%s (bias shifted)%n",
              L2_DENSE,
              L2_WORDS,
              MIN_DF,
              ITERATIONS,
              THRESHOLD));
      for (int j = 0; j < m.dense().length; j++) {
        out.write(
            String.format(Locale.ROOT, "dense\t%s\t%.4f%n", ComplaintModel.DENSE[j], m.dense()[j]));
      }
      for (Map.Entry<String, Double> e : new TreeMap<>(m.words()).entrySet()) {
        out.write(String.format(Locale.ROOT, "word\t%s\t%.4f%n", e.getKey(), e.getValue()));
      }
    }
  }
}
