package dev.rapport.engine.oracle;

import dev.rapport.engine.rules.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates random valid rules over a vocabulary: terms, hashtags, wildcards, phrases (exact and
 * ~n), NEAR/n and NEAR/nf, AND with NOT, OR, nesting and field filters. Two shapes it avoids on
 * purpose, where Lucene's span queries are lazy rather than exhaustive: NEAR with the same term on
 * both sides, and phrases that repeat a word.
 */
public final class RuleGenerator {
  private final Vocabulary vocabulary;
  private final Random random;
  private final int fromRank;
  private final int maxDepth;

  /**
   * @param fromRank the most frequent vocabulary rank rules may use (realistic rules avoid the
   *     commonest words)
   */
  public RuleGenerator(Vocabulary vocabulary, Random random, int fromRank, int maxDepth) {
    this.vocabulary = vocabulary;
    this.random = random;
    this.fromRank = fromRank;
    this.maxDepth = maxDepth;
  }

  /** A rule within the parser's default limits (at most 8 wildcards and 128 terms). */
  public Expr next() {
    while (true) {
      Expr e = node(maxDepth);
      int[] counts = new int[2];
      count(e, counts);
      if (counts[0] <= 8 && counts[1] <= 128) {
        return e;
      }
    }
  }

  private static void count(Expr e, int[] counts) {
    if (e instanceof Expr.Wildcard) {
      counts[0]++;
      counts[1]++;
    } else if (e instanceof Expr.Term) {
      counts[1]++;
    } else if (e instanceof Expr.Phrase p) {
      counts[1] += p.terms().size();
    } else if (e instanceof Expr.And a) {
      a.children().forEach(c -> count(c, counts));
    } else if (e instanceof Expr.Or o) {
      o.children().forEach(c -> count(c, counts));
    } else if (e instanceof Expr.Not n) {
      count(n.child(), counts);
    } else if (e instanceof Expr.Near n) {
      count(n.left(), counts);
      count(n.right(), counts);
    } else if (e instanceof Expr.Field f) {
      count(f.value(), counts);
    }
  }

  private String word() {
    return vocabulary.uniform(random, fromRank, vocabulary.size());
  }

  private Expr node(int depth) {
    int r = random.nextInt(100);
    if (depth == 0 || r < 35) {
      return leaf();
    } else if (r < 60) {
      return and(depth);
    } else if (r < 80) {
      return or(depth);
    }
    return near();
  }

  private Expr leaf() {
    int r = random.nextInt(100);
    if (r < 50) {
      return new Expr.Term(word());
    } else if (r < 58) {
      return new Expr.Term("#" + word());
    } else if (r < 68) {
      return wildcard();
    } else if (r < 96) {
      return phrase(random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0);
    }
    return field();
  }

  private Expr.Wildcard wildcard() {
    String w = word();
    while (w.length() < 4) {
      w = word();
    }
    if (random.nextBoolean()) {
      return new Expr.Wildcard(w.substring(0, 2 + random.nextInt(w.length() - 2)) + "*");
    }
    int at = 2 + random.nextInt(w.length() - 2);
    return new Expr.Wildcard(w.substring(0, at) + "?" + w.substring(at + 1));
  }

  private Expr.Phrase phrase(int slop) {
    int n = 2 + random.nextInt(2);
    List<String> terms = new ArrayList<>();
    while (terms.size() < n) {
      String w = word();
      if (!terms.contains(w)) {
        terms.add(w);
      }
    }
    return new Expr.Phrase(terms, slop);
  }

  private Expr and(int depth) {
    List<Expr> children = new ArrayList<>();
    int n = 2 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      add(children, node(depth - 1), Expr.And.class);
    }
    if (random.nextInt(100) < 20) {
      children.add(field());
    }
    if (random.nextInt(100) < 40) {
      children.add(new Expr.Not(node(depth - 1)));
    }
    return children.size() == 1 ? children.get(0) : new Expr.And(children);
  }

  private Expr or(int depth) {
    List<Expr> children = new ArrayList<>();
    int n = 2 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      add(children, node(depth - 1), Expr.Or.class);
    }
    return new Expr.Or(children);
  }

  private static void add(List<Expr> children, Expr child, Class<?> flatten) {
    if (flatten == Expr.And.class && child instanceof Expr.And a) {
      children.addAll(a.children());
    } else if (flatten == Expr.Or.class && child instanceof Expr.Or o) {
      children.addAll(o.children());
    } else {
      children.add(child);
    }
  }

  private Expr near() {
    Expr left = spanOperand();
    Expr right = spanOperand();
    while (!disjoint(left, right)) {
      right = spanOperand();
    }
    return new Expr.Near(left, right, random.nextInt(7), random.nextBoolean());
  }

  private Expr spanOperand() {
    int r = random.nextInt(100);
    if (r < 55) {
      return new Expr.Term(word());
    } else if (r < 65) {
      return wildcard();
    } else if (r < 85) {
      return phrase(0);
    }
    return new Expr.Or(
        List.of(new Expr.Term(word()), random.nextBoolean() ? phrase(0) : new Expr.Term(word())));
  }

  private static boolean disjoint(Expr a, Expr b) {
    Set<String> seen = new HashSet<>();
    collect(a, seen);
    Set<String> other = new HashSet<>();
    collect(b, other);
    for (String s : other) {
      for (String t : seen) {
        if (s.startsWith(t) || t.startsWith(s)) {
          return false;
        }
      }
    }
    return true;
  }

  private static void collect(Expr e, Set<String> out) {
    if (e instanceof Expr.Term t) {
      out.add(t.text());
    } else if (e instanceof Expr.Wildcard w) {
      out.add(w.prefix());
    } else if (e instanceof Expr.Phrase p) {
      out.addAll(p.terms());
    } else if (e instanceof Expr.Or o) {
      o.children().forEach(c -> collect(c, out));
    }
  }

  private Expr field() {
    return switch (random.nextInt(6)) {
      case 0 -> new Expr.Field("author", new Expr.Term("user" + random.nextInt(50)));
      case 1 ->
          new Expr.Field(
              "network",
              new Expr.Term(PostGenerator.NETWORKS[random.nextInt(PostGenerator.NETWORKS.length)]));
      case 2 ->
          new Expr.Field(
              "lang",
              new Expr.Term(PostGenerator.LANGS[random.nextInt(PostGenerator.LANGS.length)]));
      case 3 -> new Expr.Field("site", new Expr.Term("site" + random.nextInt(20) + ".com"));
      case 4 -> new Expr.Field("links", new Expr.Term("site" + random.nextInt(20) + ".com"));
      default ->
          new Expr.Field(
              "title",
              random.nextBoolean()
                  ? new Expr.Term(word())
                  : random.nextBoolean() ? wildcard() : phrase(0));
    };
  }
}
