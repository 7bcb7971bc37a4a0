package dev.rapport.engine.read;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trains the shipped sentiment model on real, human-labelled posts whose licence allows commercial
 * use, read from a training folder given on the command line (see docs/readers.md): SemEval
 * 2013-2016 Task 4 subtask A tweets (CC BY 3.0) less the SemEval-2016 official test split, which
 * stays held out, plus the project's own development posts as a supplement. The strength of the
 * score is calibrated on the five-point SemEval-2016 topic labels (subtask C/E).
 *
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes:... \
 *   dev.rapport.engine.read.RealSentimentTraining compare DIR
 * java ... RealSentimentTraining write DIR engine/src/main/resources/dev/rapport/engine/read
 * </pre>
 */
public final class RealSentimentTraining {

  static final String SEMEVAL_A = "semeval2017_task4_sentiment/subtaskA_twitter_2013-2016.jsonl";
  static final String SEMEVAL_CE = "semeval2017_task4_sentiment/subtaskCE_topic_5point_2016.jsonl";
  static final String GOEMOTIONS = "goemotions_train/train.jsonl";

  /** The SemEval-2016 official test split: never trained on, reported as the benchmark. */
  static final String TEST_SET = "2016test";

  /** Chooses the prior shifts and the strength blend, by a model trained without it. */
  static final String DEV_SET = "2016devtest";

  static final String[] LABELS = {"negative", "neutral", "positive"};

  static final double L2_DENSE = 0.0003;
  static final double L2_WORDS = 0.0003;
  static final int MIN_DF = 3;

  private static final Set<String> GLAD =
      Set.of(
          "admiration",
          "amusement",
          "approval",
          "caring",
          "desire",
          "excitement",
          "gratitude",
          "joy",
          "love",
          "optimism",
          "pride",
          "relief");
  private static final Set<String> SAD =
      Set.of(
          "anger",
          "annoyance",
          "disappointment",
          "disapproval",
          "disgust",
          "embarrassment",
          "fear",
          "grief",
          "nervousness",
          "remorse",
          "sadness");

  private RealSentimentTraining() {}

  /** A labelled post of a corpus: text, label index, the part it belongs to. */
  record Labelled(String text, int label, String part) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: compare DIR | write DIR RESOURCE_DIR");
    }
    Path root = Path.of(args[1]);
    switch (args[0]) {
      case "compare" -> compare(root, List.of(args).subList(2, args.length).toArray(String[]::new));
      case "write" -> write(root, Path.of(args[2]));
      default -> throw new IllegalArgumentException("usage: compare DIR | write DIR RESOURCE_DIR");
    }
  }

  /** SemEval subtask A tweets with their original file as the part. */
  static List<Labelled> semeval(Path root) {
    List<Labelled> out = new ArrayList<>();
    for (Map<?, ?> row : Corpus.rows(root, SEMEVAL_A)) {
      int label = List.of(LABELS).indexOf(Corpus.string(row, "label"));
      out.add(new Labelled(Corpus.text(row), label, Corpus.string(row, "set")));
    }
    return out;
  }

  /** GoEmotions comments grouped by the authors' sentiment mapping; ambiguous ones left out. */
  static List<Labelled> goEmotions(Path root) {
    List<Labelled> out = new ArrayList<>();
    for (Map<?, ?> row : Corpus.rows(root, GOEMOTIONS)) {
      boolean glad = false;
      boolean sad = false;
      boolean neutral = false;
      for (Object l : (List<?>) row.get("labels")) {
        glad |= GLAD.contains(l);
        sad |= SAD.contains(l);
        neutral |= "neutral".equals(l);
      }
      int label = glad && !sad ? 2 : sad && !glad ? 0 : neutral && !glad && !sad ? 1 : -1;
      if (label >= 0) {
        out.add(new Labelled(Corpus.text(row), label, "goemotions"));
      }
    }
    return out;
  }

  /** The project's own development posts (English, with a sentiment). */
  static List<Labelled> projectDev() {
    return project("dev");
  }

  /** The project's own test posts (English, with a sentiment): never trained on. */
  static List<Labelled> projectTest() {
    return project("test");
  }

  private static List<Labelled> project(String split) {
    List<Labelled> out = new ArrayList<>();
    for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
      int label = List.of(LABELS).indexOf(p.sentiment());
      if (p.lang().equals("en") && label >= 0) {
        out.add(new Labelled(p.text(), label, "project-" + split));
      }
    }
    return out;
  }

  static List<SentimentTraining.Example> examples(List<Labelled> posts) {
    PostReader reader = PostReader.rulesOnly();
    List<SentimentTraining.Example> out = new ArrayList<>(posts.size());
    for (Labelled p : posts) {
      SentimentReader.Features f = reader.sentimentFeatures(p.text(), BrandSet.NONE);
      out.add(new SentimentTraining.Example(f.dense(), LinearWeights.keys(f.tokens()), p.label()));
    }
    return out;
  }

  static SentimentTraining.Model train(List<SentimentTraining.Example> data) {
    return SentimentTraining.train(data, L2_DENSE, L2_WORDS, MIN_DF);
  }

  /** Macro recall (SemEval's AvgRec), macro F1, F1 of positive and negative, accuracy. */
  record Scores(double macroRecall, double macroF1, double f1pn, double accuracy, double[] recall) {
    static Scores of(int[][] c) {
      double[] recall = new double[3];
      double[] f1 = new double[3];
      int right = 0;
      int total = 0;
      for (int k = 0; k < 3; k++) {
        int tp = c[k][k];
        int fn = 0;
        int fp = 0;
        for (int o = 0; o < 3; o++) {
          total += c[k][o];
          if (o != k) {
            fn += c[k][o];
            fp += c[o][k];
          }
        }
        right += tp;
        recall[k] = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        f1[k] = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
      }
      return new Scores(
          (recall[0] + recall[1] + recall[2]) / 3,
          (f1[0] + f1[1] + f1[2]) / 3,
          (f1[0] + f1[2]) / 2,
          right / (double) Math.max(total, 1),
          recall);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "macro-recall %.3f  macro-F1 %.3f  F1-PN %.3f  accuracy %.3f  recall neg/neu/pos"
              + " %.2f/%.2f/%.2f",
          macroRecall,
          macroF1,
          f1pn,
          accuracy,
          recall[0],
          recall[1],
          recall[2]);
    }
  }

  static int argmax(double[] z, double dn, double dp) {
    double[] s = {z[0] + dn, z[1], z[2] + dp};
    int best = 1;
    for (int c = 0; c < 3; c++) {
      if (s[c] > s[best]) {
        best = c;
      }
    }
    return best;
  }

  static Scores score(SentimentTraining.Model m, List<SentimentTraining.Example> test) {
    int[][] c = new int[3][3];
    for (SentimentTraining.Example e : test) {
      c[e.label()][argmax(m.logits(e), 0, 0)]++;
    }
    return Scores.of(c);
  }

  /** The shifts of the negative and positive biases that maximise macro recall on {@code dev}. */
  static double[] bestShift(SentimentTraining.Model m, List<SentimentTraining.Example> dev) {
    double[][] z = new double[dev.size()][];
    for (int i = 0; i < dev.size(); i++) {
      z[i] = m.logits(dev.get(i));
    }
    double best = -1;
    double[] at = {0, 0};
    for (int a = -10; a <= 10; a++) {
      for (int b = -10; b <= 10; b++) {
        int[][] c = new int[3][3];
        for (int i = 0; i < dev.size(); i++) {
          c[dev.get(i).label()][argmax(z[i], a / 10.0, b / 10.0)]++;
        }
        double r = Scores.of(c).macroRecall();
        if (r > best + 1e-9) {
          best = r;
          at = new double[] {a / 10.0, b / 10.0};
        }
      }
    }
    return at;
  }

  /**
   * The shifts of the negative and positive biases that weigh the classes evenly (the log of
   * neutral's share over each class's share in the training data): what maximises macro recall when
   * the classifier's probabilities are calibrated.
   */
  static double[] balancedShift(List<SentimentTraining.Example> train) {
    double[] n = new double[3];
    for (SentimentTraining.Example e : train) {
      n[e.label()]++;
    }
    return new double[] {round1(Math.log(n[1] / n[0])), round1(Math.log(n[1] / n[2]))};
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static SentimentTraining.Model shifted(SentimentTraining.Model m, double[] shift) {
    double[][] d = new double[m.weights().dense().length][];
    for (int j = 0; j < d.length; j++) {
      d[j] = m.weights().dense()[j].clone();
    }
    d[0][0] += shift[0];
    d[0][2] += shift[1];
    return new SentimentTraining.Model(new LinearWeights(d, m.weights().words()));
  }

  private static List<Labelled> part(List<Labelled> all, boolean in, String... parts) {
    List<Labelled> out = new ArrayList<>();
    for (Labelled p : all) {
      if (List.of(parts).contains(p.part()) == in) {
        out.add(p);
      }
    }
    return out;
  }

  /** Compares training sets and settings on the held-out SemEval-2016 test split. */
  private static void compare(Path root, String... args) {
    List<Labelled> semeval = semeval(root);
    List<SentimentTraining.Example> test = examples(part(semeval, true, TEST_SET));
    List<SentimentTraining.Example> dev = examples(part(semeval, true, DEV_SET));
    List<SentimentTraining.Example> train = examples(part(semeval, false, TEST_SET, DEV_SET));
    List<SentimentTraining.Example> project = examples(projectDev());
    List<SentimentTraining.Example> reddit = examples(goEmotions(root));
    System.out.printf(
        Locale.ROOT,
        "train %d, dev %d, test %d (%s)%n",
        train.size(),
        dev.size(),
        test.size(),
        TEST_SET);
    String only = args.length > 0 ? args[0] : "all";
    if (only.equals("all") || only.equals("a")) {
      report("(0) project-written posts only (as shipped before)", project, dev, test);
      report("(a) SemEval train parts", train, dev, test);
      report("(a) SemEval + project dev", concat(train, project), dev, test);
    }
    if (only.equals("all") || only.equals("goemotions")) {
      report("(a) SemEval + project dev + GoEmotions", concat(train, project, reddit), dev, test);
    }
    if (only.equals("all") || only.equals("b")) {
      report(
          "(b) + hashed character 3-grams",
          CharGrams.with(concat(train, project)),
          CharGrams.with(dev),
          CharGrams.with(test));
    }
    if (only.equals("all") || only.equals("c")) {
      AveragedEmbedding.compare(concat(train, project), dev, test);
    }
  }

  @SafeVarargs
  static <T> List<T> concat(List<T>... lists) {
    List<T> out = new ArrayList<>();
    for (List<T> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  private static void report(
      String name,
      List<SentimentTraining.Example> train,
      List<SentimentTraining.Example> dev,
      List<SentimentTraining.Example> test) {
    report(name, train, train(train), dev, test);
  }

  private static void report(
      String name,
      List<SentimentTraining.Example> train,
      SentimentTraining.Model m,
      List<SentimentTraining.Example> dev,
      List<SentimentTraining.Example> test) {
    double[] shift = bestShift(m, dev);
    double[] even = balancedShift(train);
    System.out.printf(Locale.ROOT, "%-50s no shift: %s%n", name, score(m, test));
    System.out.printf(
        Locale.ROOT,
        "%-50s balanced %+.1f/%+.1f: %s%n",
        "",
        even[0],
        even[1],
        score(shifted(m, even), test));
    System.out.printf(
        Locale.ROOT,
        "%-50s shift %+.1f/%+.1f: %s%n",
        "",
        shift[0],
        shift[1],
        score(shifted(m, shift), test));
  }

  /**
   * Trains on every part but the SemEval-2016 test split, with the classes weighed evenly (see
   * {@link #balancedShift}) and the strength blend chosen on 2016devtest by a model trained without
   * it, and writes {@code sentiment_model.tsv} and {@code sentiment_strength.tsv} into {@code out}.
   */
  private static void write(Path root, Path out) throws IOException {
    List<Labelled> semeval = semeval(root);
    List<Labelled> project = projectDev();
    List<SentimentTraining.Example> dev = examples(part(semeval, true, DEV_SET));
    List<SentimentTraining.Example> withoutDev =
        examples(concat(part(semeval, false, TEST_SET, DEV_SET), project));
    SentimentTraining.Model selection = train(withoutDev);
    List<SentimentTraining.Example> all = concat(withoutDev, dev);
    double[] shift = balancedShift(all);
    double[] blend = Strength.fit(root, shifted(selection, shift), PostReader.rulesOnly(), DEV_SET);
    SentimentTraining.Model model = shifted(train(all), shift);
    LinearTraining.write(
        model.weights(),
        "# Rapport's sentiment model: multinomial logistic regression, weights for negative,"
            + " neutral, positive.\n"
            + "# Trained by RealSentimentTraining (engine test sources) on real tweets:"
            + " SemEval 2013-2016 Task 4 subtask A\n"
            + "# (CC BY 3.0; Nakov et al. 2013/2016, Rosenthal et al. 2014/2015), every file but"
            + " twitter-2016test (held out),\n"
            + "# plus the project's own development posts. See docs/readers.md.\n"
            + String.format(
                Locale.ROOT,
                "# l2_dense=%s l2_words=%s min_df=%d iterations=%d shift=%+.1f/%+.1f%n",
                L2_DENSE,
                L2_WORDS,
                MIN_DF,
                LinearTraining.ITERATIONS,
                shift[0],
                shift[1]),
        SentimentReader.DENSE,
        out.resolve("sentiment_model.tsv").toString(),
        "examples %.0f%n",
        () -> all.size());
    try (Writer w =
        Files.newBufferedWriter(out.resolve("sentiment_strength.tsv"), StandardCharsets.UTF_8)) {
      w.write(
          "# How strong a post's sentiment is: score = clamp(rule * rule score + model *"
              + " (P(positive) - P(negative)), -1, 1).\n"
              + "# Blend fitted by RealSentimentTraining on the five-point SemEval-2016 topic"
              + " labels (subtask C/E, 2016devtest, CC BY 3.0).\n");
      w.write(String.format(Locale.ROOT, "rule\t%.4f%nmodel\t%.4f%n", blend[0], blend[1]));
    }
    System.out.printf(Locale.ROOT, "strength blend rule %.4f model %.4f%n", blend[0], blend[1]);
  }
}
