package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON (RFC 8259) reader and string writer for the command-line entry, so the engine
 * needs no library. Objects read as {@link Map}, arrays as {@link List}, strings as {@link String},
 * numbers as {@link Number} (their text kept), true and false as {@link Boolean}, null as {@link
 * #NULL}. Duplicate keys, trailing commas, comments and deep nesting are rejected.
 */
final class Json {

  /** The JSON null value. */
  static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  /** A JSON number, kept as the text it was written with. */
  record Number(String text) {}

  /** Why a text is not JSON, with the 0-based character position. */
  static final class Malformed extends Exception {
    private final int position;

    Malformed(String message, int position) {
      super(message + " at character " + (position + 1));
      this.position = position;
    }

    int position() {
      return position;
    }
  }

  static final int MAX_DEPTH = 64;

  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  static Object parse(String text) throws Malformed {
    Json p = new Json(text);
    p.space();
    Object v = p.value(0);
    p.space();
    if (p.i != text.length()) {
      throw new Malformed("unexpected text after the JSON value", p.i);
    }
    return v;
  }

  private Object value(int depth) throws Malformed {
    if (depth > MAX_DEPTH) {
      throw new Malformed("nesting deeper than " + MAX_DEPTH, i);
    }
    if (i >= s.length()) {
      throw new Malformed("unexpected end of input", i);
    }
    char c = s.charAt(i);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", NULL);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw new Malformed("unexpected character '" + printable(c) + "'", i);
      }
    };
  }

  private Map<String, Object> object(int depth) throws Malformed {
    Map<String, Object> map = new LinkedHashMap<>();
    i++;
    space();
    if (peek() == '}') {
      i++;
      return map;
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw new Malformed("expected a quoted key", i);
      }
      int at = i;
      String key = string();
      space();
      expect(':');
      space();
      Object v = value(depth + 1);
      if (map.put(key, v) != null) {
        throw new Malformed("duplicate key \"" + key + "\"", at);
      }
      space();
      if (peek() == ',') {
        i++;
      } else if (peek() == '}') {
        i++;
        return map;
      } else {
        throw new Malformed("expected ',' or '}'", i);
      }
    }
  }

  private List<Object> array(int depth) throws Malformed {
    List<Object> list = new ArrayList<>();
    i++;
    space();
    if (peek() == ']') {
      i++;
      return list;
    }
    while (true) {
      space();
      list.add(value(depth + 1));
      space();
      if (peek() == ',') {
        i++;
      } else if (peek() == ']') {
        i++;
        return list;
      } else {
        throw new Malformed("expected ',' or ']'", i);
      }
    }
  }

  private String string() throws Malformed {
    int start = i;
    i++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw new Malformed("unterminated string", start);
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw new Malformed("control character in string", i - 1);
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i >= s.length()) {
        throw new Malformed("unterminated escape", i - 1);
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> b.append(unicode());
        default -> throw new Malformed("bad escape '\\" + printable(e) + "'", i - 2);
      }
    }
  }

  private char unicode() throws Malformed {
    if (i + 4 > s.length()) {
      throw new Malformed("short \\u escape", i - 2);
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = Character.digit(s.charAt(i + k), 16);
      if (d < 0) {
        throw new Malformed("bad hex digit in \\u escape", i + k);
      }
      v = v * 16 + d;
    }
    i += 4;
    return (char) v;
  }

  private Number number() throws Malformed {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    if (peek() == '0') {
      i++;
    } else if (peek() >= '1' && peek() <= '9') {
      digits();
    } else {
      throw new Malformed("bad number", start);
    }
    if (peek() == '.') {
      i++;
      if (!(peek() >= '0' && peek() <= '9')) {
        throw new Malformed("digit expected after '.'", i);
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      i++;
      if (peek() == '+' || peek() == '-') {
        i++;
      }
      if (!(peek() >= '0' && peek() <= '9')) {
        throw new Malformed("digit expected in exponent", i);
      }
      digits();
    }
    return new Number(s.substring(start, i));
  }

  private void digits() {
    while (peek() >= '0' && peek() <= '9') {
      i++;
    }
  }

  private Object literal(String word, Object v) throws Malformed {
    if (!s.startsWith(word, i)) {
      throw new Malformed("unexpected character '" + printable(s.charAt(i)) + "'", i);
    }
    i += word.length();
    return v;
  }

  private void expect(char c) throws Malformed {
    if (peek() != c) {
      throw new Malformed("expected '" + c + "'", i);
    }
    i++;
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private void space() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return;
      }
      i++;
    }
  }

  private static String printable(char c) {
    return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  /**
   * Appends s as a JSON string; lone surrogates and controls are escaped, so output is ASCII-safe.
   */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean pair =
              Character.isHighSurrogate(c)
                  && k + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(k + 1));
          if (pair) {
            out.append(c).append(s.charAt(++k));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
