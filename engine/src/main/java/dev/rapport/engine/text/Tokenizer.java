package dev.rapport.engine.text;

import java.text.Normalizer;
import java.util.List;

/**
 * Splits social text into tokens the way people write it: #hashtags, @mentions, $cashtags, URLs,
 * emoji sequences and emoticons stay whole, contractions stay one word, numbers keep their units;
 * words are lower-cased, accent-folded and elongations are shortened to two letters (sooooo → soo).
 * A hashtag also yields its bare word at the same position, so a rule for nike finds #nike. Safe on
 * any input: unknown, control, zero-width and lone-surrogate characters are skipped, never thrown
 * on.
 */
public final class Tokenizer {
  private static final int FOLD_LIMIT = 0x3000;
  private static final char[] FOLD = buildFoldTable();
  private static final String[] EMOTICONS = {
    ":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":'(", ":)", ":(", ":D", ":P", ":p", ";)", ":/", ":o",
    ":O", "<3", "=)", "xD", "XD", ":3"
  };

  private Tokenizer() {}

  /** The tokens of a text, as values. */
  public static List<Token> tokenize(CharSequence text) {
    Tokens tokens = new Tokens();
    tokenize(text, tokens);
    return tokens.toList();
  }

  /** Fills a reusable buffer with the tokens of a text (cleared first). */
  public static void tokenize(CharSequence text, Tokens out) {
    out.clear();
    if (text == null) {
      return;
    }
    int n = text.length();
    int i = 0;
    int pos = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < 128 && c != '#' && c != '@' && c != '$' && !isAsciiWord(c) && !isEmoticonStart(c)) {
        i++;
        continue;
      }
      int before = out.size;
      int next;
      if ((next = url(text, i, n, out, pos)) > i
          || (next = social(text, i, n, out, pos)) > i
          || (next = emoticon(text, i, n, out, pos)) > i) {
        i = next;
      } else {
        i = other(text, i, n, out, pos);
      }
      if (out.size > before) {
        pos++;
      }
    }
  }

  private static int other(CharSequence text, int i, int n, Tokens out, int pos) {
    char c = text.charAt(i);
    if (c < 128) {
      if (c >= '0' && c <= '9') {
        return number(text, i, n, out, pos);
      }
      return isAsciiWord(c) ? word(text, i, n, out, pos, Token.Kind.WORD) : i + 1;
    }
    int cp = Character.codePointAt(text, i);
    if (Character.isDigit(cp) && Character.isBmpCodePoint(cp)) {
      return number(text, i, n, out, pos);
    } else if (isIdeograph(cp)) {
      out.begin();
      appendFolded(out, cp);
      int to = i + Character.charCount(cp);
      out.finish(Token.Kind.WORD, pos, i, to);
      return to;
    } else if (Character.isLetter(cp)) {
      return Math.max(i + 1, word(text, i, n, out, pos, Token.Kind.WORD));
    } else if (isEmoji(cp)) {
      return emoji(text, i, n, out, pos);
    }
    return i + Character.charCount(cp);
  }

  /**
   * Normalises one word the way the tokenizer does (folding, lower-casing, shortening), without
   * splitting it: for wildcard patterns in rules.
   */
  public static String normalizeWord(String word) {
    StringBuilder sb = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      if (isIgnorable(cp)) {
        continue;
      }
      int before = sb.length();
      if (cp < FOLD_LIMIT) {
        char f = FOLD[cp];
        if (f != 0) {
          sb.append(f);
        }
      } else {
        sb.appendCodePoint(Character.toLowerCase(cp));
      }
      int len = sb.length();
      if (len > before
          && len >= 3
          && Character.isLetter(sb.charAt(len - 1))
          && sb.charAt(len - 1) == sb.charAt(len - 2)
          && sb.charAt(len - 2) == sb.charAt(len - 3)) {
        sb.setLength(len - 1);
      }
    }
    return sb.toString();
  }

  private static int word(CharSequence s, int i, int n, Tokens out, int pos, Token.Kind kind) {
    int from = i;
    out.begin();
    i = out.asciiWord(s, i, n);
    int end = i;
    while (i < n) {
      char c = s.charAt(i);
      if (c < 128) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
          char f = (char) (c | 0x20);
          if (!out.endsWithTwice(f)) {
            out.append(f);
          }
          end = ++i;
          continue;
        } else if (c >= '0' && c <= '9') {
          out.append(c);
          end = ++i;
          continue;
        } else if (c == '&' && joinsAmpersand(s, from, i, n)) {
          out.append('&');
          i++;
          continue;
        } else if (c != '\'') {
          break;
        }
      }
      int cp = Character.codePointAt(s, i);
      int w = Character.charCount(cp);
      if (Character.isLetterOrDigit(cp) && !isIdeograph(cp) || isMark(cp)) {
        appendWordChar(out, cp);
        i += w;
        end = i;
      } else if (isIgnorable(cp) && i + w < n && Character.isLetterOrDigit(s.charAt(i + w))) {
        i += w;
      } else if ((cp == '\'' || cp == '\u2019')
          && out.lastLength() > 0
          && i + 1 < n
          && Character.isLetter(s.charAt(i + 1))) {
        out.append('\'');
        i++;
      } else {
        break;
      }
    }
    out.finish(kind, pos, from, end);
    return end;
  }

  /**
   * Short names joined by an ampersand stay one word (AT&T, P&G, H&M, R&D), so that a rule for p&t
   * does not find "P. T." and one for h&m does not find every h and m: at most three letters or
   * digits on each side.
   */
  private static boolean joinsAmpersand(CharSequence s, int from, int at, int n) {
    if (at - from < 1 || at - from > 3) {
      return false;
    }
    for (int k = from; k < at; k++) {
      if (!isAsciiAlnum(s.charAt(k))) {
        return false;
      }
    }
    int j = at + 1;
    while (j < n && j - at <= 4 && isAsciiAlnum(s.charAt(j))) {
      j++;
    }
    int after = j - at - 1;
    // an invisible character or a combining mark after the short name would let the word go on
    // (P&SEN\u00ADTENCE, AT&T\u07B0RW), and the token, read again, would not join: no join then
    // (the mark case was found by Jazzer, see RuleParserJazzerTest)
    return after >= 1
        && after <= 3
        && (j == n
            || !Character.isLetterOrDigit(s.charAt(j))
                && s.charAt(j) != ';'
                && !isIgnorable(s.charAt(j))
                && !isMark(Character.codePointAt(s, j)));
  }

  /**
   * A link written without its scheme, like msn.com/news or news.bbc.co.uk/sport: labels of
   * letters, digits and hyphens, a dot between each, a last label of 2 to 24 letters and then a
   * slash. Without the slash a dotted word (e.g., file.txt) stays words.
   */
  private static boolean isBareDomainWithPath(CharSequence s, int i, int n) {
    int j = i;
    while (j < n && (isAsciiAlnum(s.charAt(j)) || s.charAt(j) == '-')) {
      j++;
    }
    if (j >= n || s.charAt(j) != '.') {
      return false;
    }
    int dots = 0;
    int labelStart = j;
    while (j < n && s.charAt(j) == '.') {
      j++;
      labelStart = j;
      while (j < n && (isAsciiAlnum(s.charAt(j)) || s.charAt(j) == '-')) {
        j++;
      }
      if (j == labelStart) {
        return false;
      }
      dots++;
    }
    if (dots == 0 || j >= n || s.charAt(j) != '/' || j - labelStart < 2 || j - labelStart > 24) {
      return false;
    }
    for (int k = labelStart; k < j; k++) {
      char d = s.charAt(k);
      if (!(d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static void appendWordChar(Tokens out, int cp) {
    char f;
    if (cp < FOLD_LIMIT) {
      f = FOLD[cp];
    } else {
      int lower = Character.toLowerCase(cp);
      if (!Character.isBmpCodePoint(lower)) {
        appendFolded(out, cp);
        return;
      }
      f = (char) lower;
    }
    if (f != 0 && !(out.endsWithTwice(f) && Character.isLetter(f))) {
      out.append(f);
    }
  }

  private static void appendFolded(Tokens out, int cp) {
    if (cp < FOLD_LIMIT) {
      char f = FOLD[cp];
      if (f != 0) {
        out.append(f);
      }
    } else {
      int lower = Character.toLowerCase(cp);
      if (Character.isBmpCodePoint(lower)) {
        out.append((char) lower);
      } else {
        out.append(Character.highSurrogate(lower));
        out.append(Character.lowSurrogate(lower));
      }
    }
  }

  private static int number(CharSequence s, int i, int n, Tokens out, int pos) {
    int from = i;
    out.begin();
    while (i < n) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || Character.isDigit(c)) {
        out.append(c);
        i++;
      } else if ((c == '.' || c == ',') && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
        out.append(c);
        i++;
      } else {
        break;
      }
    }
    if (i < n && s.charAt(i) == '%') {
      out.append('%');
      i++;
    } else {
      while (i < n && Character.isLetter(s.charAt(i)) && !isIdeograph(s.charAt(i))) {
        appendFolded(out, s.charAt(i));
        i++;
      }
    }
    if (!out.finish(Token.Kind.NUMBER, pos, from, i)) {
      out.discard();
      return Math.max(i, from + 1);
    }
    return i;
  }

  private static int social(CharSequence s, int i, int n, Tokens out, int pos) {
    char c = s.charAt(i);
    if (c != '#' && c != '@' && c != '$' || i + 1 >= n) {
      return i;
    }
    if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
      return i;
    }
    char first = s.charAt(i + 1);
    Token.Kind kind;
    if (c == '#' && (Character.isLetterOrDigit(first) || first == '_')) {
      kind = Token.Kind.HASHTAG;
    } else if (c == '@' && (Character.isLetterOrDigit(first) || first == '_')) {
      kind = Token.Kind.MENTION;
    } else if (c == '$' && first < 128 && Character.isLetter(first)) {
      kind = Token.Kind.CASHTAG;
    } else {
      return i;
    }
    out.begin();
    out.append(c);
    int j = i + 1;
    int end = j;
    while (j < n) {
      int cp = Character.codePointAt(s, j);
      boolean inner =
          kind == Token.Kind.MENTION && (cp == '.' || cp == '@' || cp == '-')
              || kind == Token.Kind.CASHTAG && cp == '.';
      boolean part =
          kind == Token.Kind.CASHTAG
              ? cp < 128 && Character.isLetter(cp)
              : Character.isLetterOrDigit(cp) || cp == '_' || isMark(cp);
      if (part) {
        appendFolded(out, cp);
        j += Character.charCount(cp);
        end = j;
      } else if (inner && j + 1 < n && Character.isLetterOrDigit(s.charAt(j + 1))) {
        out.append((char) cp);
        j++;
      } else {
        break;
      }
    }
    if (!out.finish(kind, pos, i, end)) {
      return i;
    }
    if (kind == Token.Kind.HASHTAG) {
      word(s, i + 1, end, out, pos, Token.Kind.WORD);
      if (out.size > 0 && out.position[out.size - 1] == pos && out.kind(out.size - 1) == kind) {
        return end;
      }
      out.start[out.size - 1] = i;
    }
    return end;
  }

  private static int url(CharSequence s, int i, int n, Tokens out, int pos) {
    char c = s.charAt(i);
    if (!isAsciiAlnum(c)) {
      return i;
    }
    if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) {
      return i;
    }
    int body;
    if ((c == 'h' || c == 'H') && startsWith(s, i, "https://")) {
      body = i + 8;
    } else if ((c == 'h' || c == 'H') && startsWith(s, i, "http://")) {
      body = i + 7;
    } else if ((c == 'w' || c == 'W') && startsWith(s, i, "www.")) {
      body = i + 4;
    } else if (isBareDomainWithPath(s, i, n)) {
      body = i;
    } else {
      return i;
    }
    int j = body;
    while (j < n) {
      char d = s.charAt(j);
      if (d <= ' ' || d == '<' || d == '>' || d == '"' || Character.isWhitespace(d) || d == 0x7f) {
        break;
      }
      if (Character.isSurrogate(d) || isIgnorable(d)) {
        break;
      }
      j++;
    }
    while (j > body && ".,;:!?)]}'\u2019".indexOf(s.charAt(j - 1)) >= 0) {
      j--;
    }
    if (j == body || !Character.isLetterOrDigit(s.charAt(body))) {
      return i;
    }
    out.begin();
    for (int k = i; k < j; k++) {
      char d = s.charAt(k);
      out.append(d < 128 ? Character.toLowerCase(d) : d);
    }
    out.finish(Token.Kind.URL, pos, i, j);
    return j;
  }

  private static int emoticon(CharSequence s, int i, int n, Tokens out, int pos) {
    char c = s.charAt(i);
    if (!isEmoticonStart(c) || i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
      return i;
    }
    for (String e : EMOTICONS) {
      int end = i + e.length();
      if (startsWithExact(s, i, e)
          && (end == n
              || !Character.isLetterOrDigit(s.charAt(end)) && s.charAt(end) != e.charAt(0))) {
        out.begin();
        for (int k = 0; k < e.length(); k++) {
          out.append(e.charAt(k));
        }
        out.finish(Token.Kind.EMOTICON, pos, i, end);
        return end;
      }
    }
    return i;
  }

  private static int emoji(CharSequence s, int i, int n, Tokens out, int pos) {
    int from = i;
    out.begin();
    int cp = Character.codePointAt(s, i);
    appendCodePoint(out, cp);
    i += Character.charCount(cp);
    if (isRegionalIndicator(cp)) {
      if (i < n) {
        int second = Character.codePointAt(s, i);
        if (isRegionalIndicator(second)) {
          appendCodePoint(out, second);
          i += Character.charCount(second);
        }
      }
      out.finish(Token.Kind.EMOJI, pos, from, i);
      return i;
    }
    while (i < n) {
      int next = Character.codePointAt(s, i);
      int w = Character.charCount(next);
      if (next == 0xFE0F || next == 0xFE0E) {
        i += w;
      } else if (next >= 0x1F3FB && next <= 0x1F3FF
          || next == 0x20E3
          || next >= 0xE0020 && next <= 0xE007F) {
        appendCodePoint(out, next);
        i += w;
      } else if (next == 0x200D && i + 1 < n && isEmoji(Character.codePointAt(s, i + 1))) {
        out.append((char) 0x200D);
        int joined = Character.codePointAt(s, i + 1);
        appendCodePoint(out, joined);
        i += 1 + Character.charCount(joined);
      } else {
        break;
      }
    }
    out.finish(Token.Kind.EMOJI, pos, from, i);
    return i;
  }

  private static void appendCodePoint(Tokens out, int cp) {
    if (Character.isBmpCodePoint(cp)) {
      out.append((char) cp);
    } else {
      out.append(Character.highSurrogate(cp));
      out.append(Character.lowSurrogate(cp));
    }
  }

  private static boolean startsWith(CharSequence s, int i, String prefix) {
    if (i + prefix.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (Character.toLowerCase(s.charAt(i + k)) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithExact(CharSequence s, int i, String prefix) {
    if (i + prefix.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (s.charAt(i + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static boolean isEmoticonStart(char c) {
    return c == ':' || c == ';' || c == '<' || c == '=' || c == 'x' || c == 'X';
  }

  private static boolean isMark(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  static boolean isIgnorable(int cp) {
    return cp == 0x200B
        || cp == 0x200C
        || cp == 0x200D
        || cp == 0x2060
        || cp == 0xFEFF
        || cp == 0x00AD
        || cp == 0x200E
        || cp == 0x200F
        || cp >= 0x202A && cp <= 0x202E
        || cp >= 0x2066 && cp <= 0x2069;
  }

  private static boolean isIdeograph(int cp) {
    if (cp < 0x2E80) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  private static boolean isEmoji(int cp) {
    return cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF)
        || cp >= 0x2600 && cp <= 0x27BF
        || cp >= 0x2300 && cp <= 0x23FF
        || cp >= 0x2B00 && cp <= 0x2BFF
        || cp == 0x3030
        || cp == 0x303D
        || cp == 0x3297
        || cp == 0x3299
        || cp == 0x00A9
        || cp == 0x00AE
        || cp == 0x203C
        || cp == 0x2049
        || cp == 0x2122
        || cp == 0x2139
        || cp >= 0x2194 && cp <= 0x21AA;
  }

  private static char[] buildFoldTable() {
    char[] table = new char[FOLD_LIMIT];
    for (int c = 0; c < FOLD_LIMIT; c++) {
      char ch = (char) c;
      if (c < 128) {
        table[c] = Character.toLowerCase(ch);
        continue;
      }
      if (Character.isSurrogate(ch) || isIgnorable(c)) {
        table[c] = 0;
        continue;
      }
      String d = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
      char base = d.charAt(0);
      if (Character.getType(base) == Character.NON_SPACING_MARK) {
        table[c] = 0;
      } else {
        table[c] = Character.toLowerCase(base);
      }
    }
    table['ł'] = 'l';
    table['Ł'] = 'l';
    table['ø'] = 'o';
    table['Ø'] = 'o';
    table['đ'] = 'd';
    table['Đ'] = 'd';
    table['ı'] = 'i';
    table['ħ'] = 'h';
    table['\u2019'] = '\'';
    // fold to a fixpoint (Ħ lower-cases to ħ, which folds to h): a token read again stays the same
    for (int c = 0; c < FOLD_LIMIT; c++) {
      for (int k = 0; k < 4 && table[c] != 0 && table[c] < FOLD_LIMIT; k++) {
        table[c] = table[table[c]];
      }
    }
    return table;
  }
}
