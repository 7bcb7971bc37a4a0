package dev.rapport.engine.match;

import java.util.Arrays;

/**
 * The wildcard patterns of all rules, indexed by their literal prefix: each token is probed once
 * per prefix length in use, and only patterns sharing the token's prefix are checked.
 */
final class Wildcards {
  private static final int MAX_KEY = 32;

  private final TermDictionary prefixes = new TermDictionary();
  private int[][] patternsByPrefix = new int[16][];
  private char[][] patternById = new char[16][];
  private final int[] lengthUse = new int[MAX_KEY + 1];

  /**
   * How many keys of each length end in each character (folded to 7 bits): a token is probed at
   * prefix length k only when some key of length k ends in the token's k-th character, so words
   * skip nearly every dictionary probe without hashing.
   */
  private final int[] tailUse = new int[(MAX_KEY + 1) << 7];

  /**
   * The same as bits, {@code tailBits[(k << 1) | (c >>> 6 & 1)]} bit {@code c & 63} set when some
   * key of length k ends in c (folded to 7 bits): 528 bytes the probe loop reads instead of 17 KB.
   */
  private final long[] tailBits = new long[(MAX_KEY + 1) << 1];

  private int maxLength;

  boolean isEmpty() {
    return maxLength == 0;
  }

  void add(int ns, int patternId, String pattern) {
    String key = key(pattern);
    int p = prefixes.intern(ns, key);
    if (p >= patternsByPrefix.length) {
      patternsByPrefix = Arrays.copyOf(patternsByPrefix, Math.max(p + 1, p * 2));
    }
    if (patternId >= patternById.length) {
      patternById = Arrays.copyOf(patternById, Math.max(patternId + 1, patternId * 2));
    }
    patternById[patternId] = pattern.toCharArray();
    int[] list = patternsByPrefix[p];
    list = list == null ? new int[1] : Arrays.copyOf(list, list.length + 1);
    list[list.length - 1] = patternId;
    patternsByPrefix[p] = list;
    lengthUse[key.length()]++;
    if (!key.isEmpty()) {
      char last = key.charAt(key.length() - 1);
      tailUse[tail(key.length(), last)]++;
      tailBits[bitWord(key.length(), last)] |= 1L << last;
    }
    maxLength = Math.max(maxLength, key.length());
  }

  void remove(int ns, int patternId, String pattern) {
    String key = key(pattern);
    char[] chars = key.toCharArray();
    int p =
        prefixes.find(ns, chars, 0, chars.length, TermDictionary.rawHash(chars, 0, chars.length));
    if (p < 0 || patternsByPrefix[p] == null) {
      return;
    }
    int[] list = patternsByPrefix[p];
    int[] kept = Arrays.stream(list).filter(id -> id != patternId).toArray();
    if (kept.length == list.length) {
      return;
    }
    patternsByPrefix[p] = kept.length == 0 ? null : kept;
    if (kept.length == 0) {
      prefixes.remove(p);
    }
    patternById[patternId] = null;
    if (!key.isEmpty()) {
      char last = key.charAt(key.length() - 1);
      if (--tailUse[tail(key.length(), last)] == 0) {
        tailBits[bitWord(key.length(), last)] &= ~(1L << last);
      }
    }
    if (--lengthUse[key.length()] == 0 && key.length() == maxLength) {
      while (maxLength > 0 && lengthUse[maxLength] == 0) {
        maxLength--;
      }
    }
  }

  /** Prefixes held, for tests. */
  int prefixCount() {
    return prefixes.live();
  }

  private static String key(String pattern) {
    int i = 0;
    while (i < pattern.length()
        && i < MAX_KEY
        && pattern.charAt(i) != '*'
        && pattern.charAt(i) != '?') {
      i++;
    }
    return pattern.substring(0, i);
  }

  private static int tail(int length, char last) {
    return (length << 7) | (last & 127);
  }

  private static int bitWord(int length, char last) {
    return (length << 1) | ((last >>> 6) & 1);
  }

  /** Records an occurrence of every pattern the token matches. */
  void probe(int ns, char[] chars, int off, int len, Scratch s, int pos, int token) {
    long[] bits = tailBits;
    int limit = Math.min(len, maxLength);
    for (int k = 1; k <= limit; k++) {
      char c = chars[off + k - 1];
      if ((bits[bitWord(k, c)] >>> c & 1) == 0) {
        continue;
      }
      int p = prefixes.find(ns, chars, off, k, TermDictionary.rawHash(chars, off, off + k));
      if (p < 0 || patternsByPrefix[p] == null) {
        continue;
      }
      for (int id : patternsByPrefix[p]) {
        if (matches(patternById[id], chars, off, len)) {
          s.occur(id, pos, token);
        }
      }
    }
  }

  /**
   * Whether a token matches a pattern: ? stands for one code point (a surrogate pair counts as one,
   * as in Lucene), a trailing * for any ending. Pattern letters are never surrogates (the parser
   * refuses them), so literal characters compare as chars.
   */
  static boolean matches(char[] p, char[] t, int off, int len) {
    boolean star = p[p.length - 1] == '*';
    int pl = star ? p.length - 1 : p.length;
    int end = off + len;
    if (star ? len < pl : len < pl || len > 2 * pl) {
      return false;
    }
    int i = off;
    for (int k = 0; k < pl; k++) {
      if (i >= end) {
        return false;
      }
      if (p[k] == '?') {
        i +=
            Character.isHighSurrogate(t[i]) && i + 1 < end && Character.isLowSurrogate(t[i + 1])
                ? 2
                : 1;
      } else if (p[k] != t[i++]) {
        return false;
      }
    }
    return star || i == end;
  }
}
