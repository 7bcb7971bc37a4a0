package dev.rapport.listening.internal;

import dev.rapport.engine.text.Token;
import dev.rapport.engine.text.Tokenizer;
import dev.rapport.engine.text.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspace's brand tags as an open-addressed hash table over their normalised keys, for the
 * ingest hot path: a post's text is tokenized once by the engine's {@link Tokenizer} (the same
 * lower-casing and accent folding the matcher applies, so #Nikon, #nikon and #NIKON are one tag),
 * and each hashtag or mention token is looked up by its characters in place, without allocating. A
 * tag is a whole token: #NikonZ6 is not #Nikon. Immutable; a new index replaces the old one when
 * tags change.
 */
final class BrandTagIndex {

  /** One configured tag: its key (normalised token text) and its spelling as configured. */
  record Entry(String key, String tag) {}

  static final BrandTagIndex EMPTY = new BrandTagIndex(List.of());

  private static final ThreadLocal<Tokens> SCRATCH = ThreadLocal.withInitial(Tokens::new);

  private final Entry[] slots;
  private final int[] hashes;
  private final int mask;
  private final int size;

  BrandTagIndex(List<Entry> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 4 - 1)) << 1;
    this.slots = new Entry[capacity];
    this.hashes = new int[capacity];
    this.mask = capacity - 1;
    int n = 0;
    for (Entry e : entries) {
      int h = e.key().hashCode();
      int i = h & mask;
      while (slots[i] != null && !slots[i].key().equals(e.key())) {
        i = (i + 1) & mask;
      }
      if (slots[i] == null) {
        n++;
      }
      slots[i] = e;
      hashes[i] = h;
    }
    this.size = n;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /**
   * The brand tags a text carries, each once, in the order they first appear; empty (and nothing
   * tokenized) when no tag is configured or the text has neither '#' nor '@'.
   */
  List<Entry> find(String text) {
    if (size == 0 || text == null || (text.indexOf('#') < 0 && text.indexOf('@') < 0)) {
      return List.of();
    }
    Tokens tokens = SCRATCH.get();
    Tokenizer.tokenize(text, tokens);
    List<Entry> found = null;
    char[] chars = tokens.chars();
    for (int t = 0, n = tokens.size(); t < n; t++) {
      Token.Kind kind = tokens.kind(t);
      if (kind != Token.Kind.HASHTAG && kind != Token.Kind.MENTION) {
        continue;
      }
      int from = tokens.termStart(t);
      int len = tokens.termLength(t);
      int h = 0;
      for (int k = from, end = from + len; k < end; k++) {
        h = 31 * h + chars[k];
      }
      Entry e = lookup(h, chars, from, len);
      if (e != null) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        if (!found.contains(e)) {
          found.add(e);
        }
      }
    }
    return found == null ? List.of() : found;
  }

  private Entry lookup(int h, char[] chars, int from, int len) {
    for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && same(slots[i].key(), chars, from, len)) {
        return slots[i];
      }
    }
    return null;
  }

  private static boolean same(String key, char[] chars, int from, int len) {
    if (key.length() != len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (key.charAt(k) != chars[from + k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The key a tag is known by: the text of the one hashtag or mention token it is, as the engine
   * normalises it; null when the text is not exactly one such token ("#nikon z6", "#nikon-z6",
   * "nikon").
   */
  static String key(String tag) {
    if (tag == null || tag.isEmpty()) {
      return null;
    }
    String key = null;
    for (Token t : Tokenizer.tokenize(tag)) {
      if (t.position() != 0) {
        return null;
      }
      if ((t.kind() == Token.Kind.HASHTAG || t.kind() == Token.Kind.MENTION)
          && t.start() == 0
          && t.end() == tag.length()) {
        key = t.text();
      }
    }
    return key;
  }
}
