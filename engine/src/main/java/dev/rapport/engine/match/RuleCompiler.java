package dev.rapport.engine.match;

import dev.rapport.engine.rules.Expr;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Compiles a rule's syntax tree to a flat int program (each node: op, size in ints, operands) and
 * chooses its anchors: the smallest set of terms one of which every matching post must hold.
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

  record Compiled(int[] code, int[] anchors) {}

  private record Cover(double cost, int[] ids) {
    static final Cover NONE = new Cover(Double.POSITIVE_INFINITY, new int[0]);
  }

  private final TermDictionary dict;
  private int[] out = new int[32];
  private int size;

  RuleCompiler(TermDictionary dict) {
    this.dict = dict;
  }

  Compiled compile(Expr expr) {
    size = 0;
    Cover cover = emit(expr, TEXT);
    int[] anchors = Arrays.stream(cover.ids()).distinct().toArray();
    return new Compiled(Arrays.copyOf(out, size), anchors);
  }

  private Cover emit(Expr e, int ns) {
    if (e instanceof Expr.Term t) {
      int id = dict.intern(ns, t.text());
      put(TERM, 3, id);
      return new Cover(cost(ns, t.text()), new int[] {id});
    }
    if (e instanceof Expr.Wildcard w) {
      int id = dict.intern(PATTERN + ns, w.pattern());
      put(TERM, 3, id);
      return new Cover(3 * cost(ns, w.prefix()), new int[] {id});
    }
    if (e instanceof Expr.Phrase p) {
      int start = begin(PHRASE);
      put(p.slop(), p.terms().size());
      Cover best = Cover.NONE;
      for (String term : p.terms()) {
        int id = dict.intern(ns, term);
        put(id);
        best = cheaper(best, new Cover(cost(ns, term), new int[] {id}));
      }
      end(start);
      return best;
    }
    if (e instanceof Expr.And a) {
      int start = begin(AND);
      Cover best = Cover.NONE;
      for (Expr child : ordered(a.children())) {
        best = cheaper(best, emit(child, ns));
      }
      end(start);
      return best;
    }
    if (e instanceof Expr.Or o) {
      int start = begin(OR);
      Cover all = new Cover(0, new int[0]);
      for (Expr child : o.children()) {
        all = union(all, emit(child, ns));
      }
      end(start);
      return all;
    }
    if (e instanceof Expr.Not n) {
      int start = begin(NOT);
      emit(n.child(), ns);
      end(start);
      return Cover.NONE;
    }
    if (e instanceof Expr.Near n) {
      int start = begin(NEAR);
      put(n.distance(), n.ordered() ? 1 : 0);
      Cover left = spans(n.left(), ns);
      Cover right = spans(n.right(), ns);
      end(start);
      return cheaper(left, right);
    }
    Expr.Field f = (Expr.Field) e;
    return emit(f.value(), namespace(f.name()));
  }

  /** Positive children first, so that an And fails on a missing term before it looks at NOTs. */
  private static List<Expr> ordered(List<Expr> children) {
    return children.stream()
        .sorted((x, y) -> Boolean.compare(x instanceof Expr.Not, y instanceof Expr.Not))
        .toList();
  }

  private Cover spans(Expr operand, int ns) {
    List<Expr> alternatives = operand instanceof Expr.Or o ? o.children() : List.of(operand);
    int start = begin(SPANS);
    put(alternatives.size());
    Cover all = new Cover(0, new int[0]);
    for (Expr alt : alternatives) {
      Cover best = Cover.NONE;
      if (alt instanceof Expr.Phrase p) {
        put(p.terms().size());
        for (String term : p.terms()) {
          int id = dict.intern(ns, term);
          put(id);
          best = cheaper(best, new Cover(cost(ns, term), new int[] {id}));
        }
      } else if (alt instanceof Expr.Wildcard w) {
        int id = dict.intern(PATTERN + ns, w.pattern());
        put(1, id);
        best = new Cover(3 * cost(ns, w.prefix()), new int[] {id});
      } else {
        String text = ((Expr.Term) alt).text();
        int id = dict.intern(ns, text);
        put(1, id);
        best = new Cover(cost(ns, text), new int[] {id});
      }
      all = union(all, best);
    }
    end(start);
    return all;
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

  /** A guess at how often a term occurs: long words are rarer, function words are everywhere. */
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
