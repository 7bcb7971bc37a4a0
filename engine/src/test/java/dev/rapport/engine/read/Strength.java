package dev.rapport.engine.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fits and measures how well the sentiment score tracks how strongly people rated a post: the
 * five-point SemEval-2016 topic labels (-2 .. 2) of subtask C/E.
 */
final class Strength {

  private Strength() {}

  /** A post's text and its five-point rating divided by two (so in [-1, 1]). */
  record Rated(String text, double rating, String part) {}

  static List<Rated> rated(Path root) {
    List<Rated> out = new ArrayList<>();
    for (Map<?, ?> row : Corpus.rows(root, RealSentimentTraining.SEMEVAL_CE)) {
      double label = Corpus.number(row, "label");
      out.add(new Rated(Corpus.text(row), label / 2, Corpus.string(row, "set")));
    }
    return out;
  }

  /**
   * The weights of the rule score and of P(positive) - P(negative) whose sum tracks the ratings of
   * {@code part} best (Pearson r), scaled to fit them by least squares.
   */
  static double[] fit(Path root, SentimentTraining.Model m, PostReader rules, String part) {
    List<double[]> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Rated r : rated(root)) {
      if (!r.part().equals(part)) {
        continue;
      }
      SentimentReader.Features f = rules.sentimentFeatures(r.text(), BrandSet.NONE);
      double[] p =
          SentimentModel.softmax(m.weights().logits(f.dense(), LinearWeights.keys(f.tokens())));
      xs.add(new double[] {f.ruleScore(), p[2] - p[0]});
      ys.add(r.rating());
    }
    double bestR = -2;
    double bestA = 0;
    for (int a = 0; a <= 20; a++) {
      double alpha = a / 20.0;
      double[] x = new double[xs.size()];
      double[] y = new double[xs.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = alpha * xs.get(i)[0] + (1 - alpha) * xs.get(i)[1];
        y[i] = ys.get(i);
      }
      double r = pearson(x, y);
      if (r > bestR) {
        bestR = r;
        bestA = alpha;
      }
    }
    double xy = 0;
    double xx = 0;
    for (int i = 0; i < xs.size(); i++) {
      double x = bestA * xs.get(i)[0] + (1 - bestA) * xs.get(i)[1];
      xy += x * ys.get(i);
      xx += x * x;
    }
    double k = xx == 0 ? 1 : xy / xx;
    return new double[] {k * bestA, k * (1 - bestA)};
  }

  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }

  /**
   * Pearson r on each part of the ratings for blends of the rule score and the shipped model's
   * P(positive) - P(negative): how the strength blend was chosen (on 2016devtest).
   */
  static void table(Path root, String... parts) {
    PostReader rules = PostReader.rulesOnly();
    SentimentModel model = SentimentModel.load("sentiment_model.tsv", "none");
    for (String part : parts) {
      List<double[]> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (Rated r : rated(root)) {
        if (r.part().equals(part)) {
          SentimentReader.Features f = rules.sentimentFeatures(r.text(), BrandSet.NONE);
          double[] p = model.probabilities(f);
          xs.add(new double[] {f.ruleScore(), p[2] - p[0]});
          ys.add(r.rating());
        }
      }
      StringBuilder line = new StringBuilder(String.format("  %-12s n=%5d", part, ys.size()));
      for (int a = 0; a <= 10; a += 1) {
        double alpha = a / 10.0;
        double[] x = new double[ys.size()];
        double[] y = new double[ys.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = alpha * xs.get(i)[0] + (1 - alpha) * xs.get(i)[1];
          y[i] = ys.get(i);
        }
        line.append(
            String.format(java.util.Locale.ROOT, "  rule %.1f: r %.3f", alpha, pearson(x, y)));
      }
      System.out.println(line);
    }
  }
}
