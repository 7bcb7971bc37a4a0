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
   * The weights of the rule score and of P(positive) - P(negative), summing to one, whose blend
   * tracks best, on average: (1) the five-point ratings of {@code part}, (2) the grouped valence of
   * a sample of GoEmotions Reddit comments (Apache-2.0; general, not topic-directed), and (3)
   * VADER's compound on the same posts as (1). The third is there because crowds rating a post's
   * overall strength track VADER's lexicon far better than a classifier's probabilities (the
   * readers issue measured 0.87 for VADER against 0.71 for P(positive) - P(negative) alone on such
   * ratings), while the topic-directed ratings of (1) reward the model; the average keeps both.
   * Both inputs lie in [-1, 1], so the blend does too: it is not shrunk towards the ratings' mean.
   */
  static double[] fit(Path root, SentimentTraining.Model m, PostReader rules, String part) {
    List<double[]> rated = new ArrayList<>();
    List<Double> ratings = new ArrayList<>();
    List<Double> vader = new ArrayList<>();
    for (Rated r : rated(root)) {
      if (r.part().equals(part)) {
        rated.add(inputs(r.text(), m, rules));
        ratings.add(r.rating());
        vader.add(ReaderBenchmark.vader(r.text()));
      }
    }
    List<double[]> reddit = new ArrayList<>();
    List<Double> valence = new ArrayList<>();
    for (RealSentimentTraining.Labelled p : RealSentimentTraining.goEmotions(root)) {
      if (Corpus.fraction(p.text()) < 0.15) {
        reddit.add(inputs(p.text(), m, rules));
        valence.add(p.label() - 1.0);
      }
    }
    double bestScore = -2;
    double bestA = 0;
    for (int a = 0; a <= 20; a++) {
      double alpha = a / 20.0;
      double score =
          (r(rated, ratings, alpha) + r(reddit, valence, alpha) + r(rated, vader, alpha)) / 3;
      System.out.printf(
          java.util.Locale.ROOT,
          "  rule %.2f: ratings r %.3f, reddit r %.3f, vader r %.3f, mean %.3f%n",
          alpha,
          r(rated, ratings, alpha),
          r(reddit, valence, alpha),
          r(rated, vader, alpha),
          score);
      if (score > bestScore) {
        bestScore = score;
        bestA = alpha;
      }
    }
    return new double[] {bestA, 1 - bestA};
  }

  private static double[] inputs(String text, SentimentTraining.Model m, PostReader rules) {
    SentimentReader.Features f = rules.sentimentFeatures(text, BrandSet.NONE);
    double[] p =
        SentimentModel.softmax(m.weights().logits(f.dense(), LinearWeights.keys(f.tokens())));
    return new double[] {f.ruleScore(), p[2] - p[0]};
  }

  private static double r(List<double[]> xs, List<Double> ys, double alpha) {
    double[] x = new double[xs.size()];
    double[] y = new double[xs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = alpha * xs.get(i)[0] + (1 - alpha) * xs.get(i)[1];
      y[i] = ys.get(i);
    }
    return pearson(x, y);
  }

  /** Prints the blend {@link #fit} chooses for the shipped model: {@code Strength DIR}. */
  public static void main(String[] args) {
    System.out.println(
        java.util.Arrays.toString(
            fit(
                Path.of(args[0]),
                new SentimentTraining.Model(
                    LinearWeights.load("sentiment_model.tsv", SentimentReader.DENSE, 3)),
                PostReader.rulesOnly(),
                RealSentimentTraining.DEV_SET)));
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
