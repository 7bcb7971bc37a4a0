package dev.rapport.engine.rules;

import java.util.Objects;

/**
 * A parsed listening rule. Its {@link #toString()} is the canonical form: it parses back to an
 * equal rule.
 */
public record Rule(Expr expr) implements ParseResult {
  public Rule {
    Objects.requireNonNull(expr, "expr");
  }

  /** The canonical text of the rule. */
  public String canonical() {
    return Printer.print(expr);
  }

  @Override
  public String toString() {
    return canonical();
  }
}
