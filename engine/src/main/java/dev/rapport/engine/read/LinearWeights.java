package dev.rapport.engine.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weights of a linear model over dense features and a post's distinct word keys, one column a
 * class: what {@link SentimentModel} (three classes) and {@link LabelModel} (a log-odds a label)
 * share. The weight file is tab-separated, {@code dense|word <TAB> name <TAB> weight...} with one
 * weight a class; empty lines and lines starting with {@code #} are passed over.
 */
final class LinearWeights {

  private final double[][] dense;
  private final Map<String, double[]> words;

  /** {@code dense[feature][class]} and, by word key, a weight a class. */
  LinearWeights(double[][] dense, Map<String, double[]> words) {
    this.dense = dense;
    this.words = words;
  }

  /**
   * The weights in the classpath resource (next to this class), or null when there is none.
   *
   * @param names the dense features' names, in the order the model's input has them
   */
  static LinearWeights load(String resource, String[] names, int classes) {
    try (InputStream in = LinearWeights.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      double[][] dense = new double[names.length][classes];
      Map<String, double[]> words = new HashMap<>(8192);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        double[] w = new double[classes];
        for (int c = 0; c < classes; c++) {
          w[c] = Double.parseDouble(f[2 + c]);
        }
        if (f[0].equals("dense")) {
          int j = List.of(names).indexOf(f[1]);
          if (j < 0) {
            throw new IllegalStateException("unknown feature " + f[1] + " in " + resource);
          }
          dense[j] = w;
        } else {
          words.put(f[1], w);
        }
      }
      return new LinearWeights(dense, words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key a token has in the word features, or null when it has none. */
  static String key(Token t) {
    return switch (t.kind()) {
      case WORD, HASHTAG, EMOJI -> t.norm();
      case EMOTICON -> Tokenizer.lower(t.raw());
      case NUMBER -> "<num>";
      default -> null;
    };
  }

  /**
   * The distinct keys of a post, in order: each word's key and each pair of neighbouring words
   * within a clause ("not worth", "never again", "came back"), which the models weigh on their own.
   */
  static List<String> keys(List<Token> tokens) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    String previous = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String k = key(t);
      if (k == null) {
        if (t.endsClause()) {
          previous = null;
        }
        continue;
      }
      if (seen.add(k)) {
        out.add(k);
      }
      if (previous != null) {
        String b = previous + " " + k;
        if (seen.add(b)) {
          out.add(b);
        }
      }
      previous = k;
    }
    return out;
  }

  /**
   * Words that carry a post's grammar rather than its meaning: a model may weigh them, but they are
   * poor evidence to show a reader ("was", "our"), so they are shown only when nothing else is.
   */
  private static final Set<String> PLAIN = WordFiles.words("model_plain.txt");

  /** Whether a word key is worth showing as evidence (see {@link #PLAIN}). */
  static boolean telling(String key) {
    return !PLAIN.contains(key);
  }

  /** The dense weights, {@code [feature][class]} (the array itself). */
  double[][] dense() {
    return dense;
  }

  /** The word weights by key (the map itself). */
  Map<String, double[]> words() {
    return words;
  }

  /** A word's weights, a class each, or null when the word has none. */
  double[] word(String key) {
    return words.get(key);
  }

  /** The logits of dense features and word keys already made distinct (as {@link #keys} makes). */
  double[] logits(double[] x, Iterable<String> keys) {
    double[] z = denseLogits(x);
    for (String k : keys) {
      addWord(z, k);
    }
    return z;
  }

  private double[] denseLogits(double[] x) {
    int classes = dense.length == 0 ? 0 : dense[0].length;
    double[] z = new double[classes];
    for (int j = 0; j < x.length; j++) {
      for (int c = 0; c < classes; c++) {
        z[c] += x[j] * dense[j][c];
      }
    }
    return z;
  }

  private void addWord(double[] z, String k) {
    double[] w = words.get(k);
    if (w != null) {
      for (int c = 0; c < z.length; c++) {
        z[c] += w[c];
      }
    }
  }
}
