package dev.rapport.engine.text;

import static dev.rapport.engine.text.TextChars.FOLD;
import static dev.rapport.engine.text.TextChars.FOLD_LIMIT;
import static dev.rapport.engine.text.TextChars.isAsciiAlnum;
import static dev.rapport.engine.text.TextChars.isAsciiWord;
import static dev.rapport.engine.text.TextChars.isEmoji;
import static dev.rapport.engine.text.TextChars.isEmoticonStart;
import static dev.rapport.engine.text.TextChars.isIdeograph;
import static dev.rapport.engine.text.TextChars.isIgnorable;
import static dev.rapport.engine.text.TextChars.isMark;

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
      if ((next = Symbols.url(text, i, n, out, pos)) > i
          || (next = social(text, i, n, out, pos)) > i
          || (next = Symbols.emoticon(text, i, n, out, pos)) > i) {
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
      return Symbols.emoji(text, i, n, out, pos);
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
    // Long: one pass over a word's characters (letters, marks, joiners, apostrophes, ampersand
    // names, elongation) on the hot path.
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
    // Long: hashtags, mentions and cashtags share one scanner: the same body rules with a different
    // sigil.
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
}
