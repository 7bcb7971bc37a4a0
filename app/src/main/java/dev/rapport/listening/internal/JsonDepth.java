package dev.rapport.listening.internal;

/**
 * Where a JSON text nests deeper than the parser allows. Jackson refuses such a document without a
 * location; the refusal should still say where the problem is.
 */
final class JsonDepth {

  /** Jackson's default nesting limit for reading. */
  static final int MAX = 500;

  private JsonDepth() {}

  /** The 1-based line and column of the bracket that goes past {@code max} levels, or null. */
  static int[] tooDeepAt(String text, int max) {
    int depth = 0;
    int line = 1;
    int column = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      column++;
      if (c == '\n') {
        line++;
        column = 0;
      } else if (inString) {
        if (c == '\\') {
          i++;
          column++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > max) {
          return new int[] {line, column};
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return null;
  }
}
