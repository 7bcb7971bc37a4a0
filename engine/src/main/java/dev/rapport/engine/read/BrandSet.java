package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The workspace's own brands and products and its competitors. Each entry is a name ("Acme Cloud"),
 * a handle ("@acme") or a hashtag ("#acme"); a name also matches its handle and hashtag written as
 * one word, and handles that start with it ("@AcmeSupport").
 */
public final class BrandSet {

  /** No brands known: complaints and praise are still read, about {@link About#OTHER}. */
  public static final BrandSet NONE = new BrandSet(List.of(), List.of());

  private record Entry(String[] words, String compact, String display, About about) {}

  /** A brand found in a post: tokens first..last of the full token list. */
  record Found(int first, int last, String name, About about) {}

  private static final int MAX_ENTRIES = 10_000;

  private final List<Entry> entries = new ArrayList<>();

  private BrandSet(Collection<String> ours, Collection<String> competitors) {
    if (ours.size() + competitors.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("at most " + MAX_ENTRIES + " brands and competitors");
    }
    ours.forEach(n -> add(n, About.OURS));
    competitors.forEach(n -> add(n, About.COMPETITOR));
  }

  /**
   * Builds a brand set; blank entries are ignored.
   *
   * @param ours the workspace's brands and products
   * @param competitors its competitors' brands and products
   */
  public static BrandSet of(Collection<String> ours, Collection<String> competitors) {
    return new BrandSet(List.copyOf(ours), List.copyOf(competitors));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  private void add(String name, About about) {
    if (name == null) {
      throw new IllegalArgumentException("brand name must not be null");
    }
    String trimmed = name.strip();
    String bare =
        trimmed.startsWith("@") || trimmed.startsWith("#") ? trimmed.substring(1) : trimmed;
    List<String> words = new ArrayList<>();
    for (Token t : Tokenizer.tokenize(bare)) {
      if (t.isWordLike() || t.kind() == Token.Kind.MENTION) {
        words.add(t.norm());
      }
    }
    if (!words.isEmpty()) {
      String compact = String.join("", words);
      entries.add(new Entry(words.toArray(new String[0]), compact, trimmed, about));
    }
  }

  /** Every brand mention in the tokens, the first listed entry winning where entries overlap. */
  List<Found> find(List<Token> tokens) {
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      for (Entry e : entries) {
        int last = matchAt(tokens, i, e);
        if (last >= 0) {
          found.add(new Found(i, last, e.display, e.about));
          i = last;
          break;
        }
      }
    }
    return found;
  }

  private static int matchAt(List<Token> tokens, int i, Entry e) {
    Token t = tokens.get(i);
    String norm = possessive(t.norm());
    if (t.kind() == Token.Kind.MENTION) {
      return e.compact.length() >= 3 && norm.startsWith(e.compact) || norm.equals(e.compact)
          ? i
          : -1;
    }
    if (t.kind() == Token.Kind.HASHTAG) {
      return norm.equals(e.compact) ? i : -1;
    }
    if (e.words.length == 1 && !e.words[0].equals(norm)) {
      return -1;
    }
    int j = i;
    for (int w = 0; w < e.words.length; w++, j++) {
      if (j >= tokens.size() || !possessive(tokens.get(j).norm()).equals(e.words[w])) {
        return -1;
      }
    }
    return j - 1;
  }

  private static String possessive(String norm) {
    return norm.endsWith("'s") ? norm.substring(0, norm.length() - 2) : norm;
  }
}
