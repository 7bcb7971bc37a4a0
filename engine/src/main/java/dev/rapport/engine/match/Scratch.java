package dev.rapport.engine.match;

import dev.rapport.engine.text.Tokens;
import java.util.Arrays;

/**
 * One thread's working memory for matching: which terms a post holds and where, stamped with an
 * epoch so nothing is cleared or allocated between posts.
 */
final class Scratch {
  static final int TITLE_BIT = 1 << 30;
  static final int NO_TOKEN = -1;

  final Tokens text = new Tokens();
  final Tokens title = new Tokens();
  char[] key = new char[128];

  int epoch;
  int[] stamp = new int[0];
  int[] slotOf = new int[0];

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

  /** Per token of the post being recorded: its term id, and the dictionary's working slots. */
  int[] tokenIds = new int[64];

  long[] entries = new long[64];

  /** The post's URL, copied out of its String to find the host without allocating. */
  char[] url = new char[128];

  void ensure(int terms, int rules) {
    if (stamp.length < terms) {
      int n = Math.max(terms, stamp.length * 3 / 2);
      stamp = Arrays.copyOf(stamp, n);
      slotOf = Arrays.copyOf(slotOf, n);
    }
    if (ruleStamp.length < rules) {
      ruleStamp = Arrays.copyOf(ruleStamp, Math.max(rules, ruleStamp.length * 3 / 2));
    }
  }

  void beginPost() {
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      epoch = 1;
    }
    if (++ruleEpoch == Integer.MAX_VALUE) {
      Arrays.fill(ruleStamp, 0);
      ruleEpoch = 1;
    }
    slotCount = 0;
    occCount = 0;
  }

  boolean has(int term) {
    return stamp[term] == epoch;
  }

  /** First occurrence of a term in the post, or -1. */
  int head(int term) {
    return stamp[term] == epoch ? slotHead[slotOf[term]] : -1;
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
    if (stamp[term] != epoch) {
      stamp[term] = epoch;
      if (slotCount == slotTerm.length) {
        int n = slotCount * 2;
        slotTerm = Arrays.copyOf(slotTerm, n);
        slotHead = Arrays.copyOf(slotHead, n);
        slotTail = Arrays.copyOf(slotTail, n);
      }
      int s = slotCount++;
      slotOf[term] = s;
      slotTerm[s] = term;
      slotHead[s] = o;
      slotTail[s] = o;
    } else {
      int s = slotOf[term];
      occNext[slotTail[s]] = o;
      slotTail[s] = o;
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

  int[] tokenIds(int needed) {
    if (tokenIds.length < needed) {
      int n = Math.max(needed, tokenIds.length * 2);
      tokenIds = new int[n];
      entries = new long[n];
    }
    return tokenIds;
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
