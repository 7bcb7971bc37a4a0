package dev.rapport.engine.match;

import static dev.rapport.engine.match.RuleCompiler.AND;
import static dev.rapport.engine.match.RuleCompiler.NEAR;
import static dev.rapport.engine.match.RuleCompiler.NOT;
import static dev.rapport.engine.match.RuleCompiler.OR;
import static dev.rapport.engine.match.RuleCompiler.PHRASE;
import static dev.rapport.engine.match.RuleCompiler.SPANS;
import static dev.rapport.engine.match.RuleCompiler.TERM;

/** Runs a compiled rule program against the terms a post holds. */
final class Evaluator {
  private Evaluator() {}

  static boolean eval(int[] c, int pc, Scratch s) {
    switch (c[pc]) {
      case TERM:
        return s.has(c[pc + 2]);
      case AND:
        for (int q = pc + 2, end = pc + c[pc + 1]; q < end; q += c[q + 1]) {
          if (!eval(c, q, s)) {
            return false;
          }
        }
        return true;
      case OR:
        for (int q = pc + 2, end = pc + c[pc + 1]; q < end; q += c[q + 1]) {
          if (eval(c, q, s)) {
            return true;
          }
        }
        return false;
      case NOT:
        return !eval(c, pc + 2, s);
      case PHRASE:
        return phrase(c, pc + 4, c[pc + 3], c[pc + 2], s);
      case NEAR:
        return near(c, pc, s);
      default:
        throw new IllegalStateException("bad op " + c[pc]);
    }
  }

  /**
   * Exact phrases (slop 0) in order; with a slop, the terms in any order within a window that holds
   * at most slop other words, as listening products describe "a b"~n ("within n words").
   */
  private static boolean phrase(int[] c, int ids, int k, int slop, Scratch s) {
    for (int k0 = 0; k0 < k; k0++) {
      if (!s.has(c[ids + k0])) {
        return false;
      }
    }
    if (slop > 0) {
      return within(c, ids, k, slop, s);
    }
    for (int o = s.head(c[ids]); o >= 0; o = s.occNext[o]) {
      int cur = s.occPos[o];
      boolean ok = true;
      for (int j = 1; j < k && ok; j++) {
        ok = at(s, c[ids + j], cur + j);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some window [start, end] holds an occurrence of every term (as many distinct ones as
   * the term is repeated) with at most slop other positions in it. The smallest window starting at
   * a term's occurrence takes, for each term, its earliest occurrences from there on.
   */
  private static boolean within(int[] c, int ids, int k, int slop, Scratch s) {
    for (int first = 0; first < k; first++) {
      for (int o = s.head(c[ids + first]); o >= 0; o = s.occNext[o]) {
        int start = s.occPos[o];
        int end = start;
        for (int j = 0; j < k && end - start + 1 - k <= slop; j++) {
          int copies = 0;
          for (int q = 0; q < j; q++) {
            if (c[ids + q] == c[ids + j]) {
              copies++;
            }
          }
          int p = nthFrom(s, c[ids + j], start, copies);
          if (p < 0) {
            end = Integer.MAX_VALUE;
          } else {
            end = Math.max(end, p);
          }
        }
        if (end != Integer.MAX_VALUE && end - start + 1 - k <= slop) {
          return true;
        }
      }
    }
    return false;
  }

  /** The position of the (n+1)-th occurrence of a term at or after pos, or -1. */
  private static int nthFrom(Scratch s, int term, int pos, int n) {
    for (int o = s.head(term); o >= 0; o = s.occNext[o]) {
      if (s.occPos[o] >= pos && n-- == 0) {
        return s.occPos[o];
      }
    }
    return -1;
  }

  private static boolean near(int[] c, int pc, Scratch s) {
    int distance = c[pc + 2];
    boolean ordered = c[pc + 3] == 1;
    int left = pc + 4;
    int right = left + c[left + 1];
    int[] buf = s.spans(4 * s.occCount + 4);
    int nl = spans(c, left, s, buf, 0);
    if (nl == 0) {
      return false;
    }
    int nr = spans(c, right, s, buf, nl);
    for (int x = 0; x < nl; x += 2) {
      int xs = buf[x];
      int xe = buf[x + 1];
      for (int y = nl; y < nr; y += 2) {
        int ys = buf[y];
        int ye = buf[y + 1];
        if (ordered) {
          if (ys >= xe && ys - xe <= distance) {
            return true;
          }
        } else if (Math.max(xe, ye) - Math.min(xs, ys) - (xe - xs) - (ye - ys) <= distance) {
          return true;
        }
      }
    }
    return false;
  }

  /** Writes [start, end) position pairs of a SPANS node's exact phrases into buf from n. */
  private static int spans(int[] c, int pc, Scratch s, int[] buf, int n) {
    int count = c[pc + 2];
    int q = pc + 3;
    for (int a = 0; a < count; a++) {
      int k = c[q];
      int ids = q + 1;
      for (int o = s.head(c[ids]); o >= 0; o = s.occNext[o]) {
        int p = s.occPos[o];
        boolean ok = true;
        for (int j = 1; j < k && ok; j++) {
          ok = at(s, c[ids + j], p + j);
        }
        if (ok) {
          buf[n++] = p;
          buf[n++] = p + k;
        }
      }
      q = ids + k;
    }
    return n;
  }

  private static boolean at(Scratch s, int term, int pos) {
    for (int o = s.head(term); o >= 0; o = s.occNext[o]) {
      if (s.occPos[o] == pos) {
        return true;
      }
      if (s.occPos[o] > pos) {
        return false;
      }
    }
    return false;
  }

  /** Token indices of the terms that satisfied a matched rule, for highlighting. */
  static int[] evidence(int[] c, Scratch s) {
    IntList out = new IntList();
    collect(c, 0, s, out);
    return out.sortedDistinct();
  }

  private static void collect(int[] c, int pc, Scratch s, IntList out) {
    switch (c[pc]) {
      case TERM -> occurrences(s, c[pc + 2], out);
      case AND, OR -> {
        for (int q = pc + 2, end = pc + c[pc + 1]; q < end; q += c[q + 1]) {
          if (c[q] != NOT && eval(c, q, s)) {
            collect(c, q, s, out);
          }
        }
      }
      case PHRASE -> {
        for (int j = 0; j < c[pc + 3]; j++) {
          occurrences(s, c[pc + 4 + j], out);
        }
      }
      case NEAR -> {
        int left = pc + 4;
        int right = left + c[left + 1];
        for (int q : new int[] {left, right}) {
          int count = c[q + 2];
          int a = q + 3;
          for (int i = 0; i < count; i++) {
            int k = c[a];
            for (int j = 0; j < k; j++) {
              occurrences(s, c[a + 1 + j], out);
            }
            a += 1 + k;
          }
        }
      }
      default -> {}
    }
  }

  private static void occurrences(Scratch s, int term, IntList out) {
    for (int o = s.head(term); o >= 0; o = s.occNext[o]) {
      if (s.occTok[o] != Scratch.NO_TOKEN) {
        out.add(s.occTok[o]);
      }
    }
  }

  /** Every term id a program refers to. */
  static int[] termIds(int[] c) {
    IntList out = new IntList();
    termIds(c, 0, out);
    return out.sortedDistinct();
  }

  private static void termIds(int[] c, int pc, IntList out) {
    switch (c[pc]) {
      case TERM -> out.add(c[pc + 2]);
      case AND, OR -> {
        for (int q = pc + 2, end = pc + c[pc + 1]; q < end; q += c[q + 1]) {
          termIds(c, q, out);
        }
      }
      case NOT -> termIds(c, pc + 2, out);
      case PHRASE -> {
        for (int j = 0; j < c[pc + 3]; j++) {
          out.add(c[pc + 4 + j]);
        }
      }
      case NEAR -> {
        int left = pc + 4;
        termIds(c, left, out);
        termIds(c, left + c[left + 1], out);
      }
      case SPANS -> {
        int a = pc + 3;
        for (int i = 0; i < c[pc + 2]; i++) {
          int k = c[a];
          for (int j = 0; j < k; j++) {
            out.add(c[a + 1 + j]);
          }
          a += 1 + k;
        }
      }
      default -> throw new IllegalStateException("bad op " + c[pc]);
    }
  }
}
