package dev.rapport.engine.rules;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operator forms that people bring from other listening and search products. Each one either means
 * what it meant there (curly quotes are quotes, ONEAR/n is an ordered NEAR) or is refused with the
 * form that says it here, so that a rule never silently changes meaning on the way in.
 */
final class VendorForms {
  private VendorForms() {}

  static final String TILDE_AFTER_WORD =
      "~n goes after a quoted phrase (\"apple watch\"~5 finds the words within 5 of each other);"
          + " after a word or a group it means nothing here";
  static final String BANG = "'!' is not an operator here; write NOT (or -) before what to exclude";

  private static final Pattern SLASH_PROXIMITY =
      Pattern.compile("(?i)(w|pre|near|within)?/(\\d+|s|p)");
  private static final Pattern NEAR_NO_SLASH = Pattern.compile("(?i)(o?near)(\\d*)");

  /**
   * Curly and typographic double quotes become plain quotes; every one is one char, columns hold.
   */
  static String straightenQuotes(String src) {
    StringBuilder sb = null;
    for (int k = 0; k < src.length(); k++) {
      char c = src.charAt(k);
      if (c == '\u201C'
          || c == '\u201D'
          || c == '\u201E'
          || c == '\u201F'
          || c == '\u2033'
          || c == '\u00AB'
          || c == '\u00BB'
          || c == '\uFF02') {
        if (sb == null) {
          sb = new StringBuilder(src);
        }
        sb.setCharAt(k, '"');
      }
    }
    return sb == null ? src : sb.toString();
  }

  /**
   * Throws for a word that is an operator in another product (bare NEAR, WITH, w/5, lower-case or,
   * &amp;&amp;, ...) with the form Rapport uses; returns for an ordinary word.
   */
  static void refuseForeignOperator(String word, int column) {
    int tilde = word.indexOf('~');
    if (tilde >= 0) {
      throw new RuleSyntaxException(TILDE_AFTER_WORD, column + tilde);
    }
    String upper = word.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "AND", "OR", "NOT" -> {
        if (!word.equals(upper)) {
          throw new RuleSyntaxException(
              "'"
                  + word
                  + "' in lower case: write "
                  + upper
                  + " for the operator, or \""
                  + word
                  + "\" in quotes to search the word",
              column);
        }
      }
      case "&&" -> throw new RuleSyntaxException("write AND instead of &&", column);
      case "||", "|" -> throw new RuleSyntaxException("write OR instead of " + word, column);
      case "WITH", "SENTENCE", "PARAGRAPH" ->
          throw new RuleSyntaxException(
              word
                  + " (same sentence or paragraph) is not supported; write NEAR/10 for words close"
                  + " together",
              column);
      case "NOTWITH" ->
          throw new RuleSyntaxException(
              "NOTWITH is not supported; write AND NOT (...) to exclude posts with those words",
              column);
      default -> nearForms(word, upper, column);
    }
  }

  /**
   * Whether a word, written bare, reads as an operator or is refused as one (and, with, sentence,
   * w/5, ...): the printer quotes such a term so that the canonical form parses back.
   */
  static boolean isForeignOperator(String word) {
    try {
      refuseForeignOperator(word, 1);
      return false;
    } catch (RuleSyntaxException e) {
      return true;
    }
  }

  private static void nearForms(String word, String upper, int column) {
    if (upper.startsWith("NOTNEAR")) {
      throw new RuleSyntaxException(
          "NOTNEAR is not supported; write a AND NOT (a NEAR/5 b) to exclude b close to a", column);
    }
    Matcher slash = SLASH_PROXIMITY.matcher(word);
    if (slash.matches()) {
      String unit = slash.group(2);
      boolean ordered = "PRE".equalsIgnoreCase(slash.group(1));
      String suggestion =
          Character.isDigit(unit.charAt(0))
              ? "NEAR/" + unit + (ordered ? "f" : "")
              : "NEAR/10" + (ordered ? "f" : "");
      throw new RuleSyntaxException(
          "'" + word + "' is a proximity operator elsewhere; write " + suggestion + " here",
          column);
    }
    Matcher near = NEAR_NO_SLASH.matcher(word);
    if (near.matches() && word.equals(upper)) {
      String op = near.group(1);
      String n = near.group(2).isEmpty() ? "5" : near.group(2);
      throw new RuleSyntaxException(
          op + " needs a distance: write " + op + "/" + n + " (at most " + n + " words apart)",
          column);
    }
    if ((upper.startsWith("NEAR/") || upper.startsWith("ONEAR/")) && !word.equals(upper)) {
      throw new RuleSyntaxException(
          "write " + upper.replaceAll("F$", "f") + " in capitals for the operator", column);
    }
  }
}
