package dev.rapport.engine.match;

import java.util.Arrays;

/**
 * Interns (namespace, characters) keys to dense int ids with open addressing, so that a post's
 * tokens are looked up straight from the tokenizer's char buffer without making Strings.
 */
final class TermDictionary {
  /**
   * Each slot holds (mixed hash << 32) | (record offset + 1). A record in {@code data} is
   * namespace, length, id (two chars), then the term's characters, so a hit is checked in one cache
   * line.
   */
  private long[] table = new long[1024];

  private int mask = table.length - 1;
  private char[] data = new char[4096];
  private int charCount;
  private int[] offset = new int[256];
  private int[] length = new int[256];
  private int[] hashes = new int[256];
  private byte[] namespace = new byte[256];

  /** Ids handed out so far (ids are below this); freed ids are reused first. */
  private int size;

  private int live;
  private int[] freeIds = new int[16];
  private int freeCount;

  /** Characters of removed records still in {@code data}; compacted away when they dominate. */
  private int deadChars;

  /** Two-bit Bloom filter over the mixed hashes: most words of a post are in no rule. */
  private long[] bloom = new long[64];

  private int bloomMask = (bloom.length << 6) - 1;

  /**
   * The same filter over anchor terms only (terms some rule is indexed under): a post's first pass
   * looks up only the words that may be anchors, and the rest only when the post has a candidate.
   * Bits of terms that stop being anchors stay set until the next rebuild; that only costs lookups.
   */
  private long[] anchorBloom = new long[64];

  private boolean[] anchor = new boolean[256];

  /** Token id meaning: in the dictionary perhaps, but surely not an anchor; not looked up yet. */
  static final int DEFERRED = -2;

  /** Bound on ids: every id is below it. */
  int size() {
    return size;
  }

  /** Terms held. */
  int live() {
    return live;
  }

  static int rawHash(CharSequence s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  static int rawHash(char[] s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s[i];
    }
    return h;
  }

  private static int mix(int h, int ns) {
    h ^= ns * 0x9E3779B9;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  int find(int ns, char[] key, int off, int len, int rawHash) {
    int h = mix(rawHash, ns);
    int b1 = h & bloomMask;
    int b2 = Integer.rotateRight(h, 16) & bloomMask;
    if ((bloom[b1 >>> 6] & (1L << b1)) == 0 || (bloom[b2 >>> 6] & (1L << b2)) == 0) {
      return -1;
    }
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      long e = table[slot];
      if (e == 0) {
        return -1;
      }
      if ((int) (e >>> 32) == h) {
        int at = (int) e - 1;
        if (data[at] == ns && data[at + 1] == len && same(at + 4, key, off, len)) {
          return (data[at + 2] << 16) | data[at + 3];
        }
      }
    }
  }

  /**
   * Looks up the tokens of one post at once, {@code ids[i]} receiving the id of token i or -1. Same
   * answers as {@link #find} per token, but in passes whose memory loads do not depend on each
   * other (hashes, then Bloom words, then first table slots), so that the cache misses of a post's
   * tokens overlap instead of queueing one after another.
   */
  void findAll(
      int ns, dev.rapport.engine.text.Tokens t, int[] ids, long[] entries, boolean anchorsOnly) {
    // Long: the open-addressing probe over every token window, written out for the matcher's hot
    // path.
    int n = t.size();
    long[] bloom = this.bloom;
    long[] anchorBloom = this.anchorBloom;
    long[] table = this.table;
    int bloomMask = this.bloomMask;
    int mask = this.mask;
    for (int i = 0; i < n; i++) {
      int h = mix(t.hash(i), ns);
      int b1 = h & bloomMask;
      int b2 = Integer.rotateRight(h, 16) & bloomMask;
      long hit = (bloom[b1 >>> 6] >>> b1) & (bloom[b2 >>> 6] >>> b2) & 1L;
      if (hit != 0
          && anchorsOnly
          && ((anchorBloom[b1 >>> 6] >>> b1) & (anchorBloom[b2 >>> 6] >>> b2) & 1L) == 0) {
        ids[i] = DEFERRED;
        entries[i] = 0;
        continue;
      }
      ids[i] = hit == 0 ? -1 : h;
      entries[i] = hit;
    }
    for (int i = 0; i < n; i++) {
      if (entries[i] != 0) {
        entries[i] = table[ids[i] & mask];
      }
    }
    char[] chars = t.chars();
    for (int i = 0; i < n; i++) {
      if (entries[i] == 0) {
        if (ids[i] != DEFERRED) {
          ids[i] = -1;
        }
        continue;
      }
      int h = ids[i];
      int off = t.termStart(i);
      int len = t.termLength(i);
      int found = -1;
      long e = entries[i];
      for (int slot = h & mask; e != 0; slot = (slot + 1) & mask, e = table[slot]) {
        if ((int) (e >>> 32) == h) {
          int at = (int) e - 1;
          if (data[at] == ns && data[at + 1] == len && same(at + 4, chars, off, len)) {
            found = (data[at + 2] << 16) | data[at + 3];
            break;
          }
        }
      }
      ids[i] = found;
    }
  }

  private boolean same(int o, char[] key, int off, int len) {
    for (int i = 0; i < len; i++) {
      if (data[o + i] != key[off + i]) {
        return false;
      }
    }
    return true;
  }

  int intern(int ns, String term) {
    char[] key = term.toCharArray();
    int raw = rawHash(key, 0, key.length);
    int found = find(ns, key, 0, key.length, raw);
    if (found >= 0) {
      return found;
    }
    if (freeCount == 0 && size == offset.length) {
      int n = size * 2;
      offset = Arrays.copyOf(offset, n);
      length = Arrays.copyOf(length, n);
      hashes = Arrays.copyOf(hashes, n);
      namespace = Arrays.copyOf(namespace, n);
      anchor = Arrays.copyOf(anchor, n);
    }
    if (key.length > Character.MAX_VALUE) {
      throw new IllegalArgumentException("term too long");
    }
    if (charCount + key.length + 4 > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, charCount + key.length + 4));
    }
    int id = freeCount > 0 ? freeIds[--freeCount] : size++;
    live++;
    data[charCount] = (char) ns;
    data[charCount + 1] = (char) key.length;
    data[charCount + 2] = (char) (id >>> 16);
    data[charCount + 3] = (char) id;
    System.arraycopy(key, 0, data, charCount + 4, key.length);
    offset[id] = charCount;
    length[id] = key.length;
    charCount += key.length + 4;
    hashes[id] = mix(raw, ns);
    namespace[id] = (byte) ns;
    insert(id);
    if (live * 2 > table.length) {
      rehash(table.length * 2);
    }
    return id;
  }

  /**
   * Forgets a term no rule uses any more: its slot is emptied by shifting back the entries after it
   * (linear probing needs no tombstones), its id is reused by a later term, and its characters are
   * dropped when dead characters outnumber live ones. Bloom bits stay set until the next rebuild,
   * which only costs a probe.
   */
  void remove(int id) {
    int at = offset[id];
    if (at < 0) {
      return;
    }
    int i = hashes[id] & mask;
    while ((int) table[i] - 1 != at) {
      i = (i + 1) & mask;
    }
    for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
      int home = (int) (table[j] >>> 32) & mask;
      boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (!stays) {
        table[i] = table[j];
        i = j;
      }
    }
    table[i] = 0;
    offset[id] = -1;
    anchor[id] = false;
    deadChars += length[id] + 4;
    live--;
    if (freeCount == freeIds.length) {
      freeIds = Arrays.copyOf(freeIds, freeCount * 2);
    }
    freeIds[freeCount++] = id;
    if (deadChars > 1024 && deadChars * 2 > charCount) {
      compact();
    }
  }

  /** Copies the live records to a fresh array and rebuilds the table and Bloom filter. */
  private void compact() {
    char[] kept = new char[Math.max(4096, (charCount - deadChars) * 2)];
    int n = 0;
    for (int id = 0; id < size; id++) {
      if (offset[id] >= 0) {
        int len = length[id] + 4;
        System.arraycopy(data, offset[id], kept, n, len);
        offset[id] = n;
        n += len;
      }
    }
    data = kept;
    charCount = n;
    deadChars = 0;
    int capacity = 1024;
    while (live * 2 > capacity) {
      capacity *= 2;
    }
    rehash(capacity);
  }

  /** Marks a term as an anchor (a rule is indexed under it) or not. */
  void anchor(int id, boolean on) {
    anchor[id] = on;
    if (on) {
      setBits(anchorBloom, hashes[id]);
    }
  }

  private void setBits(long[] filter, int h) {
    int b1 = h & bloomMask;
    int b2 = Integer.rotateRight(h, 16) & bloomMask;
    filter[b1 >>> 6] |= 1L << b1;
    filter[b2 >>> 6] |= 1L << b2;
  }

  String text(int id) {
    return new String(data, offset[id] + 4, length[id]);
  }

  int namespace(int id) {
    return namespace[id];
  }

  private void insert(int id) {
    setBits(bloom, hashes[id]);
    if (anchor[id]) {
      setBits(anchorBloom, hashes[id]);
    }
    for (int slot = hashes[id] & mask; ; slot = (slot + 1) & mask) {
      if (table[slot] == 0) {
        table[slot] = ((long) hashes[id] << 32) | (offset[id] + 1L);
        return;
      }
    }
  }

  private void rehash(int capacity) {
    table = new long[capacity];
    mask = table.length - 1;
    bloom = new long[table.length / 16];
    anchorBloom = new long[bloom.length];
    bloomMask = (bloom.length << 6) - 1;
    for (int id = 0; id < size; id++) {
      if (offset[id] >= 0) {
        insert(id);
      }
    }
  }

  long bytes() {
    return 8L * table.length + 8L * bloom.length + 2L * data.length + 13L * offset.length;
  }
}
