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
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * What {@link SentimentTraining} and {@link IntentTraining} share: the command line, the five-fold
 * split of the development split, the search over word settings, full-batch Adam for a linear model
 * over dense features and word keys, and writing the weight file {@link LinearWeights#load} reads.
 */
final class LinearTraining {

  static final int FOLDS = 5;

  /** Adam's iterations and step size, the same for both models. */
  static final int ITERATIONS = 400;

  static final double RATE = 0.05;

  /** A training example: dense features and distinct word keys. */
  interface Example {
    double[] dense();

    List<String> words();
  }

  /** The gradient of an example's loss with respect to its logits (may overwrite {@code z}). */
  interface Loss<E> {
    double[] gradient(E example, double[] z);
  }

  /**
   * Settings of a fit. {@code step1} and {@code step2} are Adam's {@code 1 - beta1} and {@code 1 -
   * beta2} as each model was first trained with (the label models write 0.1 and 0.001, the
   * sentiment model computed {@code 1 - 0.9} and {@code 1 - 0.999}, which differ in the last bit);
   * kept apart so that the shipped weights reproduce to the letter. A word is kept when the sum of
   * its absolute weights is at least {@code minWeight}.
   */
  record Settings(
      int classes, double beta1, double beta2, double step1, double step2, double minWeight) {}

  /** A training command's mode. */
  interface Mode {
    void run() throws IOException;
  }

  /** A training command's mode that writes a file. */
  interface WriteMode {
    void run(String file) throws IOException;
  }

  private LinearTraining() {}

  /** {@code cv} (the default) or {@code write FILE}. */
  static void run(String[] args, Mode cv, WriteMode write) throws IOException {
    String mode = args.length > 0 ? args[0] : "cv";
    if (mode.equals("cv")) {
      cv.run();
    } else if (mode.equals("write")) {
      write.run(args[1]);
    } else {
      throw new IllegalArgumentException("usage: cv | write FILE");
    }
  }

  /**
   * Trains a model without each of the five folds (the fold of example {@code i} is {@code i %
   * FOLDS}) and calls back with each example of the fold, its index and that model.
   */
  static <E, M> void outOfFold(List<E> all, Function<List<E>, M> train, HeldOut<E, M> each) {
    for (int k = 0; k < FOLDS; k++) {
      List<E> rest = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if (i % FOLDS != k) {
          rest.add(all.get(i));
        }
      }
      M m = train.apply(rest);
      for (int i = k; i < all.size(); i += FOLDS) {
        each.accept(i, all.get(i), m);
      }
    }
  }

  /**
   * Like {@link #outOfFold} with a fold a source of posts (the letters of a post's id before its
   * number: {@code p} and {@code q} the first posts, {@code ra}, {@code rb}, ... each later
   * writer's): how well a model carries over to posts written by someone it has not seen.
   */
  static <E, M> void outOfSource(
      List<E> all, List<String> ids, Function<List<E>, M> train, HeldOut<E, M> each) {
    Map<String, List<Integer>> bySource = new TreeMap<>();
    for (int i = 0; i < all.size(); i++) {
      bySource.computeIfAbsent(source(ids.get(i)), s -> new ArrayList<>()).add(i);
    }
    for (List<Integer> held : bySource.values()) {
      List<E> rest = new ArrayList<>();
      java.util.Set<Integer> out = new java.util.HashSet<>(held);
      for (int i = 0; i < all.size(); i++) {
        if (!out.contains(i)) {
          rest.add(all.get(i));
        }
      }
      M m = train.apply(rest);
      for (int i : held) {
        each.accept(i, all.get(i), m);
      }
    }
  }

  /** The source of a post: its id's letters, the first posts ({@code p}, {@code q}) as one. */
  static String source(String id) {
    String letters = id.replaceAll("[0-9]+$", "");
    return letters.equals("q") ? "p" : letters;
  }

  /** An example of a fold, its index and the model trained without the fold. */
  interface HeldOut<E, M> {
    void accept(int i, E example, M model);
  }

  /**
   * Prints the cross-validated figure for each L2 penalty of the words (1e9: no words) and minimum
   * document frequency tried.
   */
  static void searchWords(String figure, String noWords, WordSearch cv) {
    for (double l2w : new double[] {0.0003, 0.001, 0.003, 0.01, 1e9}) {
      for (int minDf : new int[] {2, 3}) {
        if (l2w > 1e8 && minDf > 2) {
          continue;
        }
        System.out.printf(
            Locale.ROOT,
            "l2_words=%s min_df=%d: 5-fold CV %s %.3f%n",
            l2w > 1e8 ? noWords : Double.toString(l2w),
            minDf,
            figure,
            cv.figure(l2w, minDf));
      }
    }
  }

  /** The cross-validated figure for an L2 penalty of the words and a minimum document frequency. */
  interface WordSearch {
    double figure(double l2w, int minDf);
  }

  /**
   * Full-batch Adam on the mean loss plus L2 penalties (the bias, dense feature 0, is not
   * penalised). Words seen in fewer than {@code minDf} examples are left out, and all of them when
   * {@code l2w} is 1e8 or more.
   */
  static <E extends Example> LinearWeights train(
      List<E> data, Settings s, Loss<? super E> loss, double l2d, double l2w, int minDf) {
    Map<String, Integer> df = new HashMap<>();
    for (E e : data) {
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
    int k = s.classes();
    int d = data.get(0).dense().length;
    int n = d + vocab.size();
    double[][] w = new double[n][k];
    double[][] m1 = new double[n][k];
    double[][] m2 = new double[n][k];
    int[][] idx = new int[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      List<Integer> ids = new ArrayList<>();
      for (String word : data.get(i).words()) {
        Integer id = vocab.get(word);
        if (id != null) {
          ids.add(d + id);
        }
      }
      idx[i] = ids.stream().mapToInt(Integer::intValue).toArray();
    }
    for (int it = 1; it <= ITERATIONS; it++) {
      double[][] g = new double[n][k];
      for (int i = 0; i < data.size(); i++) {
        E e = data.get(i);
        double[] z = new double[k];
        for (int j = 0; j < d; j++) {
          for (int c = 0; c < k; c++) {
            z[c] += e.dense()[j] * w[j][c];
          }
        }
        for (int j : idx[i]) {
          for (int c = 0; c < k; c++) {
            z[c] += w[j][c];
          }
        }
        double[] p = loss.gradient(e, z);
        for (int c = 0; c < k; c++) {
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
        for (int c = 0; c < k; c++) {
          double gr = g[j][c] + l2 * w[j][c];
          m1[j][c] = s.beta1() * m1[j][c] + s.step1() * gr;
          m2[j][c] = s.beta2() * m2[j][c] + s.step2() * gr * gr;
          double mh = m1[j][c] / (1 - Math.pow(s.beta1(), it));
          double vh = m2[j][c] / (1 - Math.pow(s.beta2(), it));
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
      double size = 0;
      for (int c = 0; c < k; c++) {
        size += Math.abs(v[c]);
      }
      if (size >= s.minWeight()) {
        words.put(e.getKey(), v);
      }
    }
    return new LinearWeights(dense, words);
  }

  /** The logits of an example. */
  static double[] logits(LinearWeights m, Example e) {
    return m.logits(e.dense(), e.words());
  }

  /**
   * Writes the weight file: the header (comment lines), then a line a dense feature and a line a
   * word (in order), one weight a class to four decimals; then says so, with the cross-validated
   * figure ({@code cvFormat} formats it).
   */
  static void write(
      LinearWeights m,
      String header,
      String[] names,
      String file,
      String cvFormat,
      DoubleSupplier cv)
      throws IOException {
    int k = m.dense()[0].length;
    String format = "%s\t%s" + "\t%.4f".repeat(k) + "%n";
    try (Writer out = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
      out.write(header);
      for (int j = 0; j < m.dense().length; j++) {
        out.write(line(format, "dense", names[j], m.dense()[j]));
      }
      for (Map.Entry<String, double[]> e : new TreeMap<>(m.words()).entrySet()) {
        out.write(line(format, "word", e.getKey(), e.getValue()));
      }
    }
    System.out.printf(
        Locale.ROOT, "wrote %s: %d words; " + cvFormat, file, m.words().size(), cv.getAsDouble());
  }

  private static String line(String format, String kind, String name, double[] w) {
    Object[] args = new Object[2 + w.length];
    args[0] = kind;
    args[1] = name;
    for (int c = 0; c < w.length; c++) {
      args[2 + c] = w[c];
    }
    return String.format(Locale.ROOT, format, args);
  }
}
