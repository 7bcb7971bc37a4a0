package dev.rapport.engine.match;

import dev.rapport.engine.rules.Expr;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

/**
 * Compiles a rule's syntax tree to a flat int program (each node: op, size in ints, operands) and
 * chooses its anchors from the program: the cheapest set of terms one of which every matching post
 * must hold.
 */
final class RuleCompiler {
  static final int TERM = 1;
  static final int AND = 2;
  static final int OR = 3;
  static final int NOT = 4;
  static final int PHRASE = 5;
  static final int NEAR = 6;
  static final int SPANS = 7;

  static final int TEXT = 0;
  static final int TITLE = 1;
  static final int AUTHOR = 2;
  static final int NETWORK = 3;
  static final int LANG = 4;
  static final int SITE = 5;
  static final int LINKS = 6;
  static final int PATTERN = 8;

  private static final Set<String> COMMON =
      Set.of(
          "the", "a", "an", "and", "or", "of", "to", "in", "is", "it", "i", "you", "for", "on",
          "that", "this", "with", "my", "me", "be", "at", "so", "we", "are", "was", "not", "but",
          "just", "have", "can", "rt", "do", "get", "like", "new", "all", "your", "from", "love");

  private record Cover(double cost, int[] ids) {
    static final Cover NONE = new Cover(Double.POSITIVE_INFINITY, new int[0]);
  }

  private final TermDictionary dict;
  private int[] out = new int[32];
  private int size;

  RuleCompiler(TermDictionary dict) {
    this.dict = dict;
  }

  /** The rule's program: each node op, size in ints, operands; terms interned in the dictionary. */
  int[] compile(Expr expr) {
    size = 0;
    emit(expr, TEXT);
    return Arrays.copyOf(out, size);
  }

  private void emit(Expr e, int ns) {
    if (e instanceof Expr.Term t) {
      put(TERM, 3, dict.intern(ns, t.text()));
    } else if (e instanceof Expr.Wildcard w) {
      put(TERM, 3, dict.intern(PATTERN + ns, w.pattern()));
    } else if (e instanceof Expr.Phrase p) {
      int start = begin(PHRASE);
      put(p.slop(), p.terms().size());
      for (String term : p.terms()) {
        put(dict.intern(ns, term));
      }
      end(start);
    } else if (e instanceof Expr.And a) {
      int start = begin(AND);
      for (Expr child : ordered(a.children())) {
        emit(child, ns);
      }
      end(start);
    } else if (e instanceof Expr.Or o) {
      int start = begin(OR);
      for (Expr child : o.children()) {
        emit(child, ns);
      }
      end(start);
    } else if (e instanceof Expr.Not n) {
      int start = begin(NOT);
      emit(n.child(), ns);
      end(start);
    } else if (e instanceof Expr.Near n) {
      int start = begin(NEAR);
      put(n.distance(), n.ordered() ? 1 : 0);
      spans(n.left(), ns);
      spans(n.right(), ns);
      end(start);
    } else {
      Expr.Field f = (Expr.Field) e;
      emit(f.value(), namespace(f.name()));
    }
  }

  /** Positive children first, so that an And fails on a missing term before it looks at NOTs. */
  private static List<Expr> ordered(List<Expr> children) {
    return children.stream()
        .sorted((x, y) -> Boolean.compare(x instanceof Expr.Not, y instanceof Expr.Not))
        .toList();
  }

  private void spans(Expr operand, int ns) {
    List<Expr> alternatives = operand instanceof Expr.Or o ? o.children() : List.of(operand);
    int start = begin(SPANS);
    put(alternatives.size());
    for (Expr alt : alternatives) {
      if (alt instanceof Expr.Phrase p) {
        put(p.terms().size());
        for (String term : p.terms()) {
          put(dict.intern(ns, term));
        }
      } else if (alt instanceof Expr.Wildcard w) {
        put(1, dict.intern(PATTERN + ns, w.pattern()));
      } else {
        put(1, dict.intern(ns, ((Expr.Term) alt).text()));
      }
    }
    end(start);
  }

  /**
   * A rule's anchors: the cheapest set of terms one of which every post the program matches must
   * hold (the cheapest required term of an And, every alternative of an Or), by the estimated
   * frequency {@code cost} of each term.
   */
  static int[] anchors(int[] code, IntToDoubleFunction cost) {
    return Arrays.stream(cover(code, 0, cost).ids()).distinct().toArray();
  }

  private static Cover cover(int[] c, int pc, IntToDoubleFunction cost) {
    // Long: one case per expression kind of the rule language, side by side so that a new kind is
    // seen to be missing.
    switch (c[pc]) {
      case TERM:
        return new Cover(cost.applyAsDouble(c[pc + 2]), new int[] {c[pc + 2]});
      case AND:
        {
          Cover best = Cover.NONE;
          for (int q = pc + 2, end = pc + c[pc + 1]; q < end; q += c[q + 1]) {
            best = cheaper(best, cover(c, q, cost));
          }
          return best;
        }
      case OR:
        {
          Cover all = new Cover(0, new int[0]);
          for (int q = pc + 2, end = pc + c[pc + 1]; q < end; q += c[q + 1]) {
            all = union(all, cover(c, q, cost));
          }
          return all;
        }
      case NOT:
        return Cover.NONE;
      case PHRASE:
        return cheapest(c, pc + 4, c[pc + 3], cost);
      case NEAR:
        {
          int left = pc + 4;
          return cheaper(cover(c, left, cost), cover(c, left + c[left + 1], cost));
        }
      case SPANS:
        {
          Cover all = new Cover(0, new int[0]);
          for (int i = 0, count = c[pc + 2], a = pc + 3; i < count; i++, a += 1 + c[a]) {
            all = union(all, cheapest(c, a + 1, c[a], cost));
          }
          return all;
        }
      default:
        throw new IllegalStateException("bad op " + c[pc]);
    }
  }

  private static Cover cheapest(int[] c, int ids, int k, IntToDoubleFunction cost) {
    Cover best = Cover.NONE;
    for (int j = 0; j < k; j++) {
      best = cheaper(best, new Cover(cost.applyAsDouble(c[ids + j]), new int[] {c[ids + j]}));
    }
    return best;
  }

  static int namespace(String field) {
    return switch (field) {
      case "title" -> TITLE;
      case "author" -> AUTHOR;
      case "network" -> NETWORK;
      case "lang" -> LANG;
      case "site" -> SITE;
      case "links" -> LINKS;
      default -> throw new IllegalArgumentException("unknown field " + field);
    };
  }

  /**
   * A guess at how often a term occurs in posts from its text alone: long words are rarer, function
   * words are everywhere; a wildcard pattern costs three times its literal prefix.
   */
  static double textCost(int ns, String text) {
    if (ns >= PATTERN) {
      int i = 0;
      while (i < text.length() && text.charAt(i) != '*' && text.charAt(i) != '?') {
        i++;
      }
      return 3 * textCost(ns - PATTERN, text.substring(0, i));
    }
    return cost(ns, text);
  }

  private static double cost(int ns, String text) {
    return switch (ns) {
      case AUTHOR -> 0.5;
      case SITE, LINKS -> 2;
      case NETWORK, LANG -> 50;
      default -> {
        double c = 10.0 / Math.max(1, text.length());
        if (COMMON.contains(text)) {
          c *= 20;
        } else if (text.length() > 1 && "#@$".indexOf(text.charAt(0)) >= 0) {
          c *= 0.5;
        }
        yield c;
      }
    };
  }

  private static Cover cheaper(Cover a, Cover b) {
    return b.cost() < a.cost() ? b : a;
  }

  private static Cover union(Cover a, Cover b) {
    int[] ids = Arrays.copyOf(a.ids(), a.ids().length + b.ids().length);
    System.arraycopy(b.ids(), 0, ids, a.ids().length, b.ids().length);
    return new Cover(a.cost() + b.cost(), ids);
  }

  private int begin(int op) {
    int start = size;
    put(op, 0);
    return start;
  }

  private void end(int start) {
    out[start + 1] = size - start;
  }

  private void put(int... values) {
    if (size + values.length > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, size + values.length));
    }
    for (int v : values) {
      out[size++] = v;
    }
  }
}
