package dev.rapport.engine.rules;

/** Why a rule was refused: a message for the author and the 1-based column it points at. */
public record ParseError(String message, int column) implements ParseResult {
  @Override
  public String toString() {
    return message + " at column " + column;
  }
}
