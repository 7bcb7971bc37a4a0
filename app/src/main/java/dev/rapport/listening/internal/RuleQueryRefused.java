package dev.rapport.listening.internal;

import dev.rapport.engine.rules.ParseError;
import dev.rapport.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule's query that the parser refused: the field it came in, the text as parsed and the parser's
 * error with its 1-based column, so the API and the form can point at the spot.
 */
class RuleQueryRefused extends InvalidInputException {

  private final String field;
  private final String parsedText;
  private final ParseError error;

  RuleQueryRefused(
      List<FieldError> otherErrors, String field, String parsedText, ParseError error) {
    super(withQueryError(otherErrors, field, error));
    this.field = field;
    this.parsedText = parsedText;
    this.error = error;
  }

  private static List<FieldError> withQueryError(
      List<FieldError> others, String field, ParseError error) {
    List<FieldError> all = new ArrayList<>(others);
    all.add(new FieldError(field, error.message() + " at column " + error.column()));
    return all;
  }

  String field() {
    return field;
  }

  /** The text the parser read (a keyword list is read as the OR of its keywords). */
  String parsedText() {
    return parsedText;
  }

  ParseError error() {
    return error;
  }

  /** The line of the parsed text the error is on and a marker line with ^ under its column. */
  Pointer pointer() {
    return Pointer.at(parsedText, error.column());
  }

  /** One line of a query and a second line that puts ^ under one of its columns. */
  record Pointer(String line, String marker, int lineNumber) {

    static Pointer at(String text, int column) {
      String source = text == null ? "" : text;
      int offset = Math.max(0, Math.min(column - 1, source.length()));
      int lineStart = source.lastIndexOf('\n', offset - 1) + 1;
      int lineEnd = source.indexOf('\n', offset);
      if (lineEnd < 0) {
        lineEnd = source.length();
      }
      String line = source.substring(lineStart, lineEnd).replace("\r", "");
      StringBuilder marker = new StringBuilder();
      for (int i = lineStart; i < offset; i++) {
        // a tab stays a tab so the caret lines up however wide tabs are drawn
        marker.append(source.charAt(i) == '\t' ? '\t' : ' ');
      }
      marker.append('^');
      int lineNumber = (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count();
      return new Pointer(line, marker.toString(), lineNumber + 1);
    }
  }
}
