package dev.rapport.engine.read;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Comparison (c): a fastText-style classifier (Joulin et al. 2017): the mean of learned embeddings
 * of a post's word keys (words and word pairs), beside the rules' dense features, into a softmax;
 * trained by SGD. Not shipped; measured against the logistic regression.
 */
final class AveragedEmbedding {

  private static final int DIM = 24;
  private static final int EPOCHS = 5;
  private static final double RATE = 0.2;
  private static final int MIN_DF = 3;

  private final Map<String, double[]> embedding = new HashMap<>();
  private double[][] out;

  private AveragedEmbedding() {}

  static void compare(
      List<SentimentTraining.Example> train,
      List<SentimentTraining.Example> dev,
      List<SentimentTraining.Example> test) {
    AveragedEmbedding m = new AveragedEmbedding();
    m.fit(train);
    double[] shift = RealSentimentTraining.balancedShift(train);
    for (double[] s : new double[][] {{0, 0}, shift}) {
      int[][] c = new int[3][3];
      for (SentimentTraining.Example e : test) {
        c[e.label()][RealSentimentTraining.argmax(m.logits(e), s[0], s[1])]++;
      }
      System.out.printf(
          Locale.ROOT,
          "%-50s shift %+.1f/%+.1f: %s%n",
          "(c) averaged embeddings (fastText-style), dim " + DIM,
          s[0],
          s[1],
          RealSentimentTraining.Scores.of(c));
    }
  }

  private void fit(List<SentimentTraining.Example> train) {
    Map<String, Integer> df = new HashMap<>();
    for (SentimentTraining.Example e : train) {
      for (String k : e.words()) {
        df.merge(k, 1, Integer::sum);
      }
    }
    Random random = new Random(7);
    df.forEach(
        (k, n) -> {
          if (n >= MIN_DF) {
            double[] v = new double[DIM];
            for (int i = 0; i < DIM; i++) {
              v[i] = (random.nextDouble() - 0.5) / DIM;
            }
            embedding.put(k, v);
          }
        });
    int d = train.get(0).dense().length;
    out = new double[DIM + d][3];
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long steps = (long) EPOCHS * order.length;
    long step = 0;
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int i : order) {
        double rate = RATE * (1 - step++ / (double) steps);
        update(train.get(i), rate);
      }
    }
  }

  private double[] input(SentimentTraining.Example e) {
    int d = e.dense().length;
    double[] x = new double[DIM + d];
    int n = 0;
    for (String k : e.words()) {
      double[] v = embedding.get(k);
      if (v != null) {
        n++;
        for (int i = 0; i < DIM; i++) {
          x[i] += v[i];
        }
      }
    }
    for (int i = 0; i < DIM && n > 0; i++) {
      x[i] /= n;
    }
    System.arraycopy(e.dense(), 0, x, DIM, d);
    return x;
  }

  double[] logits(SentimentTraining.Example e) {
    double[] x = input(e);
    double[] z = new double[3];
    for (int j = 0; j < x.length; j++) {
      for (int c = 0; c < 3; c++) {
        z[c] += x[j] * out[j][c];
      }
    }
    return z;
  }

  private void update(SentimentTraining.Example e, double rate) {
    double[] x = input(e);
    double[] z = new double[3];
    for (int j = 0; j < x.length; j++) {
      for (int c = 0; c < 3; c++) {
        z[c] += x[j] * out[j][c];
      }
    }
    double[] g = SentimentModel.softmax(z);
    g[e.label()] -= 1;
    double[] gh = new double[DIM];
    for (int j = 0; j < x.length; j++) {
      for (int c = 0; c < 3; c++) {
        if (j < DIM) {
          gh[j] += g[c] * out[j][c];
        }
        out[j][c] -= rate * g[c] * x[j];
      }
    }
    int n = 0;
    for (String k : e.words()) {
      n += embedding.containsKey(k) ? 1 : 0;
    }
    for (String k : e.words()) {
      double[] v = embedding.get(k);
      if (v != null) {
        for (int i = 0; i < DIM; i++) {
          v[i] -= rate * gh[i] / n;
        }
      }
    }
  }
}
