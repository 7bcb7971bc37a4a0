package dev.rapport.engine.match;

import java.util.Arrays;

/**
 * Interns (namespace, characters) keys to dense int ids with open addressing, so that a post's
 * tokens are looked up straight from the tokenizer's char buffer without making Strings.
 */
final class TermDictionary {
  private int[] table = new int[1024];
  private int mask = table.length - 1;
  private char[] chars = new char[4096];
  private int charCount;
  private int[] offset = new int[256];
  private int[] length = new int[256];
  private int[] hashes = new int[256];
  private byte[] namespace = new byte[256];
  private int size;

  int size() {
    return size;
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
    h = h * 0x9E3779B9 + ns * 0x85EBCA6B;
    return h ^ (h >>> 15);
  }

  int find(int ns, char[] key, int off, int len, int rawHash) {
    int h = mix(rawHash, ns);
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int e = table[slot];
      if (e == 0) {
        return -1;
      }
      int id = e - 1;
      if (hashes[id] == h && length[id] == len && namespace[id] == ns && same(id, key, off, len)) {
        return id;
      }
    }
  }

  private boolean same(int id, char[] key, int off, int len) {
    int o = offset[id];
    for (int i = 0; i < len; i++) {
      if (chars[o + i] != key[off + i]) {
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
    if (size == offset.length) {
      int n = size * 2;
      offset = Arrays.copyOf(offset, n);
      length = Arrays.copyOf(length, n);
      hashes = Arrays.copyOf(hashes, n);
      namespace = Arrays.copyOf(namespace, n);
    }
    if (charCount + key.length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + key.length));
    }
    int id = size++;
    System.arraycopy(key, 0, chars, charCount, key.length);
    offset[id] = charCount;
    length[id] = key.length;
    charCount += key.length;
    hashes[id] = mix(raw, ns);
    namespace[id] = (byte) ns;
    insert(id);
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  String text(int id) {
    return new String(chars, offset[id], length[id]);
  }

  int namespace(int id) {
    return namespace[id];
  }

  private void insert(int id) {
    for (int slot = hashes[id] & mask; ; slot = (slot + 1) & mask) {
      if (table[slot] == 0) {
        table[slot] = id + 1;
        return;
      }
    }
  }

  private void rehash() {
    table = new int[table.length * 2];
    mask = table.length - 1;
    for (int id = 0; id < size; id++) {
      insert(id);
    }
  }

  long bytes() {
    return 4L * table.length + 2L * chars.length + 13L * offset.length;
  }
}
