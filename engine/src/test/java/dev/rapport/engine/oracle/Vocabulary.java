package dev.rapport.engine.oracle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic words ranked by frequency, drawn with a Zipf distribution (word of rank r has weight
 * 1/(r+1)^s), so generated posts look like real text to an index: few words everywhere, most words
 * rare. Words share prefixes, so wildcards find several of them.
 */
public final class Vocabulary {
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "zo", "bra", "cle", "dro", "fi", "gu", "ho",
    "ja", "ple", "qui", "sto", "tri", "wa", "xe", "yo", "nik", "mar", "sel", "tor", "pan", "den"
  };

  private final List<String> words;
  private final double[] cumulative;

  public Vocabulary(int size, double exponent, long seed) {
    Random random = new Random(seed);
    Set<String> unique = new LinkedHashSet<>();
    while (unique.size() < size) {
      int syllables = 1 + random.nextInt(unique.size() < 50 ? 2 : 4);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < syllables; i++) {
        sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      if (sb.length() >= 2) {
        unique.add(sb.toString());
      }
    }
    words = new ArrayList<>(unique);
    cumulative = new double[size];
    double sum = 0;
    for (int r = 0; r < size; r++) {
      sum += 1.0 / Math.pow(r + 1, exponent);
      cumulative[r] = sum;
    }
    for (int r = 0; r < size; r++) {
      cumulative[r] /= sum;
    }
  }

  public int size() {
    return words.size();
  }

  public String word(int rank) {
    return words.get(rank);
  }

  /** A word drawn by frequency. */
  public String sample(Random random) {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    return words.get(Math.min(words.size() - 1, i < 0 ? -i - 1 : i));
  }

  /** A word drawn uniformly from ranks [from, to). */
  public String uniform(Random random, int from, int to) {
    return words.get(from + random.nextInt(Math.min(to, words.size()) - from));
  }
}
