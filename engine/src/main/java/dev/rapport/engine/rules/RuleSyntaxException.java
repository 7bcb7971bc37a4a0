package dev.rapport.engine.rules;

/** Carries a parse error out of the recursive descent; never leaves the package. */
final class RuleSyntaxException extends RuntimeException {
  final int column;

  RuleSyntaxException(String message, int column) {
    super(message, null, false, false);
    this.column = column;
  }
}
