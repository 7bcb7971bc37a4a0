package dev.rapport.engine.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Phrase cues read from a data file, one per line: {@code category<TAB>weight<TAB>pattern}. A
 * pattern is a sequence of slots separated by spaces; a slot lists alternatives with {@code |}, a
 * trailing {@code *} on an alternative matches any word with that prefix, {@code *} alone matches
 * any one word, {@code ...} skips up to four words within the sentence and {@code <name>} matches a
 * named brand, product or handle. A last slot starting with {@code !} lists words that must not
 * come next; a first slot starting with {@code !} lists words that must not come just before (so
 * {@code !thanks|thank so much for} reads "so much for" as sarcasm but not "thanks so much for").
 */
final class Cues {

  /** One match: token positions in the {@link View}, first and last inclusive. */
  record Match(String category, double weight, int first, int last) {}

  private record Slot(
      String[] exact, String[] prefixes, boolean any, boolean gap, boolean name, boolean not) {

    boolean accepts(View view, int i, IntPredicate isName) {
      if (name) {
        return isName.test(i);
      }
      if (any) {
        return view.token(i).isWordLike();
      }
      String w = view.token(i).norm();
      for (String e : exact) {
        if (e.equals(w)) {
          return true;
        }
      }
      for (String p : prefixes) {
        if (w.startsWith(p)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code before} is the leading {@code !} slot, or null. */
  private record Pattern(String category, double weight, Slot before, Slot[] slots) {}

  private static final int MAX_GAP = 4;

  private final Map<String, List<Pattern>> byFirstWord = new HashMap<>();
  private final java.util.LinkedHashSet<String> categories = new java.util.LinkedHashSet<>();
  private final List<Pattern> unindexed = new ArrayList<>();

  private Cues() {}

  static Cues load(String resource) {
    Cues cues = new Cues();
    try (InputStream in = Cues.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing cue file " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (!line.isBlank() && !line.startsWith("#")) {
          cues.add(line, resource + ":" + no);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cues;
  }

  private void add(String line, String where) {
    String[] parts = line.split("\t");
    if (parts.length != 3) {
      throw new IllegalStateException(where + ": expected category, weight and pattern");
    }
    String[] words = parts[2].trim().split(" +");
    Slot before = null;
    int from = 0;
    if (words.length > 1 && words[0].startsWith("!") && words[0].length() > 1) {
      before = slot(words[0]);
      from = 1;
    }
    Slot[] slots = new Slot[words.length - from];
    for (int i = from; i < words.length; i++) {
      slots[i - from] = slot(words[i]);
    }
    if (slots[0].not || slots[0].gap || slots[slots.length - 1].gap) {
      throw new IllegalStateException(
          where + ": a pattern needs a word after its leading ! slot and cannot end with ...");
    }
    Pattern p = new Pattern(parts[0], Double.parseDouble(parts[1]), before, slots);
    categories.add(parts[0]);
    if (slots[0].exact.length > 0 && slots[0].prefixes.length == 0) {
      for (String e : slots[0].exact) {
        byFirstWord.computeIfAbsent(e, k -> new ArrayList<>()).add(p);
      }
    } else {
      unindexed.add(p);
    }
  }

  private static Slot slot(String word) {
    if (word.equals("...")) {
      return new Slot(new String[0], new String[0], false, true, false, false);
    }
    if (word.equals("*")) {
      return new Slot(new String[0], new String[0], true, false, false, false);
    }
    if (word.equals("<name>")) {
      return new Slot(new String[0], new String[0], false, false, true, false);
    }
    boolean not = word.startsWith("!") && word.length() > 1;
    List<String> exact = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (String alt : (not ? word.substring(1) : word).split("\\|")) {
      if (alt.length() > 1 && alt.endsWith("*")) {
        prefixes.add(alt.substring(0, alt.length() - 1));
      } else {
        exact.add(alt);
      }
    }
    return new Slot(
        exact.toArray(new String[0]), prefixes.toArray(new String[0]), false, false, false, not);
  }

  /** The categories in the order the file first names them. */
  List<String> categories() {
    return List.copyOf(categories);
  }

  /** Every match in the view, longest first for each start position. */
  List<Match> find(View view, IntPredicate isName) {
    List<Match> found = new ArrayList<>();
    for (int i = 0; i < view.size(); i++) {
      List<Pattern> candidates = byFirstWord.get(view.token(i).norm());
      if (candidates != null) {
        for (Pattern p : candidates) {
          tryMatch(view, p, i, isName, found);
        }
      }
      for (Pattern p : unindexed) {
        tryMatch(view, p, i, isName, found);
      }
    }
    return found;
  }

  private static void tryMatch(
      View view, Pattern p, int start, IntPredicate isName, List<Match> found) {
    if (p.before != null && start > 0 && p.before.accepts(view, start - 1, isName)) {
      return;
    }
    int end = match(view, p.slots, 0, start, isName);
    if (end >= 0) {
      found.add(new Match(p.category, p.weight, start, end));
    }
  }

  /** Returns the last token position of a match of slots[s..] starting at i, or -1. */
  private static int match(View view, Slot[] slots, int s, int i, IntPredicate isName) {
    if (s == slots.length) {
      return i - 1;
    }
    Slot slot = slots[s];
    if (slot.gap) {
      for (int skip = 0; skip <= MAX_GAP; skip++) {
        int j = i + skip;
        if (j > view.size() || (skip > 0 && view.token(j - 1).endsClause())) {
          return -1;
        }
        int end = match(view, slots, s + 1, j, isName);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    if (slot.not) {
      boolean next = i < view.size() && slot.accepts(view, i, isName);
      return next ? -1 : match(view, slots, s + 1, i, isName);
    }
    if (i >= view.size() || !slot.accepts(view, i, isName)) {
      return -1;
    }
    return match(view, slots, s + 1, i + 1, isName);
  }
}
