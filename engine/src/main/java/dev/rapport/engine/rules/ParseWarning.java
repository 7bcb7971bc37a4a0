package dev.rapport.engine.rules;

/**
 * Something an accepted rule may not say the way its author meant, with the grouping Rapport reads
 * and the 1-based column it points at.
 */
public record ParseWarning(String message, int column) {
  @Override
  public String toString() {
    return message + " at column " + column;
  }
}
