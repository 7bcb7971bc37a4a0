package dev.rapport.engine.match;

import dev.rapport.engine.text.Tokens;
import java.util.Arrays;

/** Keeps a thread's scratch fields off the cache lines of whatever object precedes it in memory. */
abstract class ScratchLead {
  int lead;
  long l0, l1, l2, l3, l4, l5, l6, l7;
}

/**
 * One thread's working memory for matching: which terms a post holds and where. The terms of a post
 * sit in a small open-addressing table keyed by term id (a few hundred bytes that stay in the L1
 * cache, cleared entry by entry between posts), not in arrays as long as the dictionary, which cost
 * a cache miss per term and a megabyte or more of cache per matching thread.
 */
abstract class ScratchFields extends ScratchLead {
  static final int TITLE_BIT = 1 << 30;
  static final int NO_TOKEN = -1;

  final Tokens text = new Tokens();
  final Tokens title = new Tokens();
  char[] key = new char[128];

  /** Per-post table: (term << 32) | (slot + 1), 0 when empty; slotAt[s] is slot s's entry. */
  long[] table = new long[128];

  int tableMask = table.length - 1;
  int[] slotAt = new int[64];

  int slotCount;
  int[] slotTerm = new int[64];
  int[] slotHead = new int[64];
  int[] slotTail = new int[64];

  int occCount;
  int[] occPos = new int[256];
  int[] occTok = new int[256];
  int[] occNext = new int[256];

  int ruleEpoch;
  int[] ruleStamp = new int[0];

  int[] spans = new int[64];

  /** Per token of the text and the title: its term id, or -1, or TermDictionary.DEFERRED. */
  int[] textIds = new int[64];

  int[] titleIds = new int[16];

  /** The dictionary's working slots per token. */
  long[] entries = new long[64];

  /** The post's URL, copied out of its String to find the host without allocating. */
  char[] url = new char[128];

  void ensure(int rules) {
    if (ruleStamp.length < rules) {
      ruleStamp = Arrays.copyOf(ruleStamp, Math.max(rules, ruleStamp.length * 3 / 2));
    }
  }

  void beginPost() {
    for (int i = 0; i < slotCount; i++) {
      table[slotAt[i]] = 0;
    }
    if (++ruleEpoch == Integer.MAX_VALUE) {
      Arrays.fill(ruleStamp, 0);
      ruleEpoch = 1;
    }
    slotCount = 0;
    occCount = 0;
  }

  private static int home(int term) {
    return (term * 0x9E3779B9) >>> 7;
  }

  /** The slot of a term in this post, or -1. */
  private int slot(int term) {
    long[] t = table;
    int mask = tableMask;
    for (int i = home(term) & mask; ; i = (i + 1) & mask) {
      long e = t[i];
      if (e == 0) {
        return -1;
      }
      if ((int) (e >>> 32) == term) {
        return (int) e - 1;
      }
    }
  }

  boolean has(int term) {
    return slot(term) >= 0;
  }

  /** First occurrence of a term in the post, or -1. */
  int head(int term) {
    int s = slot(term);
    return s >= 0 ? slotHead[s] : -1;
  }

  /** Records that a term occurs at a position; positions arrive in ascending order per term. */
  void occur(int term, int pos, int token) {
    if (occCount == occPos.length) {
      int n = occCount * 2;
      occPos = Arrays.copyOf(occPos, n);
      occTok = Arrays.copyOf(occTok, n);
      occNext = Arrays.copyOf(occNext, n);
    }
    int o = occCount++;
    occPos[o] = pos;
    occTok[o] = token;
    occNext[o] = -1;
    long[] t = table;
    int mask = tableMask;
    int i = home(term) & mask;
    for (long e; (e = t[i]) != 0; i = (i + 1) & mask) {
      if ((int) (e >>> 32) == term) {
        int s = (int) e - 1;
        occNext[slotTail[s]] = o;
        slotTail[s] = o;
        return;
      }
    }
    if (slotCount == slotTerm.length) {
      int n = slotCount * 2;
      slotTerm = Arrays.copyOf(slotTerm, n);
      slotHead = Arrays.copyOf(slotHead, n);
      slotTail = Arrays.copyOf(slotTail, n);
      slotAt = Arrays.copyOf(slotAt, n);
    }
    int s = slotCount++;
    slotTerm[s] = term;
    slotHead[s] = o;
    slotTail[s] = o;
    t[i] = ((long) term << 32) | (s + 1L);
    slotAt[s] = i;
    if (slotCount * 2 > t.length) {
      grow();
    }
  }

  private void grow() {
    table = new long[table.length * 2];
    tableMask = table.length - 1;
    for (int s = 0; s < slotCount; s++) {
      int term = slotTerm[s];
      int i = home(term) & tableMask;
      while (table[i] != 0) {
        i = (i + 1) & tableMask;
      }
      table[i] = ((long) term << 32) | (s + 1L);
      slotAt[s] = i;
    }
  }

  /** Whether a rule is seen for the first time in this post (and marks it seen). */
  boolean firstVisit(int rule) {
    if (ruleStamp[rule] == ruleEpoch) {
      return false;
    }
    ruleStamp[rule] = ruleEpoch;
    return true;
  }

  int[] spans(int needed) {
    if (spans.length < needed) {
      spans = new int[Math.max(needed, spans.length * 2)];
    }
    return spans;
  }

  int[] textIds(int needed) {
    if (textIds.length < needed) {
      textIds = new int[Math.max(needed, textIds.length * 2)];
    }
    return textIds;
  }

  int[] titleIds(int needed) {
    if (titleIds.length < needed) {
      titleIds = new int[Math.max(needed, titleIds.length * 2)];
    }
    return titleIds;
  }

  long[] entries(int needed) {
    if (entries.length < needed) {
      entries = new long[Math.max(needed, entries.length * 2)];
    }
    return entries;
  }

  char[] url(int needed) {
    if (url.length < needed) {
      url = new char[Math.max(needed, url.length * 2)];
    }
    return url;
  }

  char[] key(int needed) {
    if (key.length < needed) {
      key = new char[Math.max(needed, key.length * 2)];
    }
    return key;
  }
}

/**
 * A thread's scratch, padded on both sides: the garbage collector may copy two threads' scratch
 * objects next to each other, and their counters, written for every token, would then share a cache
 * line and bounce between cores.
 */
final class Scratch extends ScratchFields {
  long t0, t1, t2, t3, t4, t5, t6, t7;
}
