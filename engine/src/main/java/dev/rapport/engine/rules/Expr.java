package dev.rapport.engine.rules;

import java.util.List;

/**
 * The syntax tree of a rule. Text in it is already normalised the way the tokenizer normalises
 * posts (lower-cased, accent-folded, elongations shortened).
 */
public sealed interface Expr {

  /** One token of post text, matched exactly. */
  record Term(String text) implements Expr {}

  /** A word pattern: {@code ?} is one character, a trailing {@code *} any ending. */
  record Wildcard(String pattern) implements Expr {
    /** The literal characters before the first wildcard character. */
    public String prefix() {
      int i = 0;
      while (i < pattern.length() && pattern.charAt(i) != '*' && pattern.charAt(i) != '?') {
        i++;
      }
      return pattern.substring(0, i);
    }
  }

  /** Words in order; with slop 0 side by side, else with at most slop other words between them. */
  record Phrase(List<String> terms, int slop) implements Expr {
    public Phrase {
      terms = List.copyOf(terms);
    }
  }

  record And(List<Expr> children) implements Expr {
    public And {
      children = List.copyOf(children);
    }
  }

  record Or(List<Expr> children) implements Expr {
    public Or {
      children = List.copyOf(children);
    }
  }

  /** Excludes posts that match the child; only ever one part of an And. */
  record Not(Expr child) implements Expr {}

  /**
   * Two operands at most {@code distance} words apart, in either order or (ordered) left first.
   * Operands are terms, wildcards, exact phrases or an Or of those.
   */
  record Near(Expr left, Expr right, int distance, boolean ordered) implements Expr {}

  /**
   * A filter on a field of the post other than its text. author, network, lang, site and links hold
   * a Term; title holds a Term, Wildcard or Phrase.
   */
  record Field(String name, Expr value) implements Expr {}
}
