package dev.rapport.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits rule text into lexemes, each with the 1-based column it starts at. */
final class Lexer {
  enum Type {
    LPAREN,
    RPAREN,
    AND,
    OR,
    NOT,
    MINUS,
    NEAR,
    WORD,
    PHRASE,
    FIELD,
    EOF
  }

  record Lexeme(Type type, String text, int number, boolean ordered, int column) {}

  static final Set<String> FIELDS = Set.of("author", "network", "lang", "site", "links", "title");

  private final String src;
  private final int maxDistance;
  private int i;
  private final List<Lexeme> out = new ArrayList<>();

  private Lexer(String src, int maxDistance) {
    this.src = src;
    this.maxDistance = maxDistance;
  }

  static List<Lexeme> lex(String src, int maxDistance) {
    Lexer lexer = new Lexer(VendorForms.straightenQuotes(src), maxDistance);
    lexer.run();
    return lexer.out;
  }

  private void run() {
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        i++;
      } else if (c == '(') {
        add(Type.LPAREN, "(", i++);
      } else if (c == ')') {
        add(Type.RPAREN, ")", i++);
      } else if (c == '"') {
        phrase();
      } else if (c == '-' && i + 1 < n && !Character.isWhitespace(src.charAt(i + 1))) {
        add(Type.MINUS, "-", i++);
      } else if (c == '~') {
        throw new RuleSyntaxException(VendorForms.TILDE_AFTER_WORD, i + 1);
      } else if (c == '!' && i + 1 < n && !Character.isWhitespace(src.charAt(i + 1))) {
        throw new RuleSyntaxException(VendorForms.BANG, i + 1);
      } else {
        word();
      }
    }
    out.add(new Lexeme(Type.EOF, "", 0, false, n + 1));
  }

  private void add(Type type, String text, int at) {
    out.add(new Lexeme(type, text, 0, false, at + 1));
  }

  private void phrase() {
    int open = i;
    int close = src.indexOf('"', open + 1);
    if (close < 0) {
      throw new RuleSyntaxException("the quote opened here is never closed", open + 1);
    }
    String text = src.substring(open + 1, close);
    i = close + 1;
    int slop = 0;
    if (text.indexOf('"') < 0 && i < src.length() && src.charAt(i) == '~') {
      slop = number(i + 1, "~ needs a number");
    }
    out.add(new Lexeme(Type.PHRASE, text, slop, false, open + 1));
  }

  private int number(int from, String message) {
    int j = from;
    while (j < src.length() && j - from < 9 && src.charAt(j) >= '0' && src.charAt(j) <= '9') {
      j++;
    }
    if (j == from) {
      throw new RuleSyntaxException(message, from + 1);
    }
    int value = Integer.parseInt(src.substring(from, j));
    if (value > maxDistance) {
      throw new RuleSyntaxException("a distance can be at most " + maxDistance, from + 1);
    }
    i = j;
    return value;
  }

  private void word() {
    int start = i;
    int n = src.length();
    boolean onear = src.startsWith("ONEAR/", i);
    if (src.startsWith("NEAR/", i) || onear) {
      int distance = number(i + (onear ? 6 : 5), (onear ? "ONEAR/" : "NEAR/") + " needs a number");
      boolean f = i < n && src.charAt(i) == 'f';
      if (onear && f) {
        throw new RuleSyntaxException("ONEAR/ is already in order; drop the f", i + 1);
      }
      boolean ordered = onear || f;
      if (f) {
        i++;
      }
      if (i < n && !isBoundary(src.charAt(i))) {
        throw new RuleSyntaxException("NEAR/ needs a number, then f for in order", i + 1);
      }
      out.add(new Lexeme(Type.NEAR, "NEAR/", distance, ordered, start + 1));
      return;
    }
    while (i < n && !isBoundary(src.charAt(i))) {
      i++;
    }
    String text = src.substring(start, i);
    VendorForms.refuseForeignOperator(text, start + 1);
    switch (text) {
      case "AND" -> add(Type.AND, text, start);
      case "OR" -> add(Type.OR, text, start);
      case "NOT" -> add(Type.NOT, text, start);
      default -> fieldOrWord(text, start);
    }
  }

  private void fieldOrWord(String text, int start) {
    int colon = text.indexOf(':');
    if (colon <= 0 || !text.substring(0, colon).chars().allMatch(Character::isLetter)) {
      add(Type.WORD, text, start);
      return;
    }
    String name = text.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    if (!FIELDS.contains(name)) {
      throw new RuleSyntaxException(
          "unknown field '" + text.substring(0, colon + 1) + "' (known: " + knownFields() + ")",
          start + 1);
    }
    add(Type.FIELD, name, start);
    String value = text.substring(colon + 1);
    if (!value.isEmpty()) {
      add(Type.WORD, value, start + colon + 1);
    } else if (i >= src.length() || src.charAt(i) != '"') {
      throw new RuleSyntaxException(name + ": needs a value right after the colon", i + 1);
    }
  }

  private static String knownFields() {
    return "author:, network:, lang:, site:, links:, title:";
  }

  private static boolean isBoundary(char c) {
    return Character.isWhitespace(c)
        || Character.isISOControl(c)
        || c == '('
        || c == ')'
        || c == '"';
  }
}
