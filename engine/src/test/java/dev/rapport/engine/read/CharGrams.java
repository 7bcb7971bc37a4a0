package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Comparison (b): a post's word keys plus hashed character 3-grams of each word (2^18 buckets). */
final class CharGrams {

  private static final int BUCKETS = 1 << 18;

  private CharGrams() {}

  static List<SentimentTraining.Example> with(List<SentimentTraining.Example> examples) {
    List<SentimentTraining.Example> out = new ArrayList<>(examples.size());
    for (SentimentTraining.Example e : examples) {
      Set<String> keys = new LinkedHashSet<>(e.words());
      for (String w : e.words()) {
        if (w.indexOf(' ') >= 0) {
          continue;
        }
        String padded = "<" + w + ">";
        for (int i = 0; i + 3 <= padded.length(); i++) {
          keys.add("#c" + Math.floorMod(padded.substring(i, i + 3).hashCode(), BUCKETS));
        }
      }
      out.add(new SentimentTraining.Example(e.dense(), new ArrayList<>(keys), e.label()));
    }
    return out;
  }
}
