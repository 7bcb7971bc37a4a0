package dev.rapport.engine.rules;

/** Carries a parse error out of the recursive descent; never leaves the package. */
final class RuleSyntaxException extends RuntimeException {
  final int column;

  RuleSyntaxException(String message, int column) {
    super(message, null, false, false);
    this.column = column;
  }

  /** A NOT with nothing positive beside it: the rule would match (almost) every post. */
  static RuleSyntaxException needsPositive(int column) {
    return new RuleSyntaxException(
        "NOT must be joined with AND to something the rule looks for", column);
  }
}
