package dev.rapport.engine.text;

import static dev.rapport.engine.text.TextChars.isAsciiAlnum;
import static dev.rapport.engine.text.TextChars.isEmoji;
import static dev.rapport.engine.text.TextChars.isEmoticonStart;
import static dev.rapport.engine.text.TextChars.isIgnorable;
import static dev.rapport.engine.text.TextChars.isRegionalIndicator;
import static dev.rapport.engine.text.TextChars.startsWith;
import static dev.rapport.engine.text.TextChars.startsWithExact;

/**
 * The tokenizer's scanners for tokens that are not words: links (with or without a scheme),
 * emoticons and emoji sequences (flags, skin tones, keycaps, tags and zero-width joins). Each takes
 * the text at {@code i} and answers the index after its token, or {@code i} when none starts there.
 */
final class Symbols {

  private static final String[] EMOTICONS = {
    ":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":'(", ":)", ":(", ":D", ":P", ":p", ";)", ":/", ":o",
    ":O", "<3", "=)", "xD", "XD", ":3"
  };

  private Symbols() {}

  /**
   * A link written without its scheme, like msn.com/news or news.bbc.co.uk/sport: labels of
   * letters, digits and hyphens, a dot between each, a last label of 2 to 24 letters and then a
   * slash. Without the slash a dotted word (e.g., file.txt) stays words.
   */
  static boolean isBareDomainWithPath(CharSequence s, int i, int n) {
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

  static int url(CharSequence s, int i, int n, Tokens out, int pos) {
    // Long: the link grammar (scheme, bare domain with a path, trailing punctuation) in one pass.
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

  static int emoticon(CharSequence s, int i, int n, Tokens out, int pos) {
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

  static int emoji(CharSequence s, int i, int n, Tokens out, int pos) {
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
}
