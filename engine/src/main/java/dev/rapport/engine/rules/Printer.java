package dev.rapport.engine.rules;

import java.util.stream.Collectors;

/** Prints a rule in canonical form: explicit operators, parentheses only where they are needed. */
final class Printer {
  private Printer() {}

  static String print(Expr e) {
    if (e instanceof Expr.Term t) {
      return term(t.text());
    }
    if (e instanceof Expr.Wildcard w) {
      return w.pattern();
    }
    if (e instanceof Expr.Phrase p) {
      return "\"" + String.join(" ", p.terms()) + "\"" + (p.slop() > 0 ? "~" + p.slop() : "");
    }
    if (e instanceof Expr.And a) {
      return a.children().stream().map(Printer::andChild).collect(Collectors.joining(" AND "));
    }
    if (e instanceof Expr.Or o) {
      return o.children().stream().map(Printer::orChild).collect(Collectors.joining(" OR "));
    }
    if (e instanceof Expr.Not n) {
      return "NOT " + operand(n.child());
    }
    if (e instanceof Expr.Near n) {
      return operand(n.left())
          + " NEAR/"
          + n.distance()
          + (n.ordered() ? "f" : "")
          + " "
          + operand(n.right());
    }
    Expr.Field f = (Expr.Field) e;
    return f.name()
        + ":"
        + (f.name().equals("title") ? print(f.value()) : ((Expr.Term) f.value()).text());
  }

  private static String andChild(Expr e) {
    return e instanceof Expr.Or ? "(" + print(e) + ")" : print(e);
  }

  private static String orChild(Expr e) {
    return e instanceof Expr.And || e instanceof Expr.Near ? "(" + print(e) + ")" : print(e);
  }

  private static String operand(Expr e) {
    return e instanceof Expr.And || e instanceof Expr.Or || e instanceof Expr.Near
        ? "(" + print(e) + ")"
        : print(e);
  }

  private static String term(String text) {
    // a word the lexer reads as an operator (or refuses as another product's) goes in quotes
    boolean bare = !text.isEmpty() && !VendorForms.isForeignOperator(text);
    for (int i = 0; i < text.length() && bare; i++) {
      char c = text.charAt(i);
      bare =
          Character.isLetterOrDigit(c)
              || (c == '\'' || c == '&') && i > 0 && i < text.length() - 1
              || i == 0 && (c == '#' || c == '@' || c == '$') && text.length() > 1;
    }
    return bare ? text : "\"" + text + "\"";
  }
}
