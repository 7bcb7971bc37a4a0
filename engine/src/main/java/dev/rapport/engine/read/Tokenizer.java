package dev.rapport.engine.read;

import dev.rapport.engine.read.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits social text into words, hashtags, mentions, URLs, emoji, emoticons and punctuation. Kept
 * private to the readers so they do not depend on the engine's general text analysis.
 */
final class Tokenizer {

  private static final String[] EMOTICONS = {
    ":'-(", ":'(", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|", ":-*", "</3", "<3", "^_^",
    "-_-", ":)", ":(", ":D", ":P", ":p", ":/", ":|", ":*", ";)", ";-)", ":]", ":[", "=)", "=(",
    ":o", ":O", "xD", "XD", "D:", ":3", "^^", "T_T", ":')", ":\\"
  };

  private static final String EMOTICON_STARTS = buildStarts();

  private Tokenizer() {}

  private static String buildStarts() {
    StringBuilder b = new StringBuilder();
    for (String e : EMOTICONS) {
      if (b.indexOf(e.substring(0, 1)) < 0) {
        b.append(e.charAt(0));
      }
    }
    return b.toString();
  }

  static List<Token> tokenize(String text) {
    // Long: a single scanner state machine over the characters (quotes, links, emoticons, words);
    // this tokenizer is to be merged into the engine's text tokenizer.
    List<Token> out = new ArrayList<>(Math.min(256, text.length() / 3 + 4));
    boolean quoted = false;
    int openedAt = -1;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.add(new Token("\n", "\n", i, i + 1, Kind.PUNCT, false, false, quoted));
        i++;
        continue;
      }
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        i++;
        continue;
      }
      if (c == '"' || c == '\u201C' || c == '\u201D') {
        quoted = c == '\u201C' || (c == '"' && !quoted);
        openedAt = quoted ? out.size() : -1;
        out.add(new Token(String.valueOf(c), "\"", i, i + 1, Kind.PUNCT, false, false, false));
        i++;
        continue;
      }
      int end = urlEnd(text, i);
      if (end > i) {
        out.add(token(text, i, end, Kind.URL, text.substring(i, end), quoted));
        i = end;
        continue;
      }
      end = emoticonEnd(text, i);
      if (end > i) {
        out.add(token(text, i, end, Kind.EMOTICON, text.substring(i, end), quoted));
        i = end;
        continue;
      }
      if (c == '$' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
        end = wordEnd(text, i + 1);
        out.add(token(text, i, end, Kind.NUMBER, lower(text.substring(i, end)), quoted));
        i = end;
        continue;
      }
      if ((c == '#' || c == '@' || c == '$') && i + 1 < n && isWordChar(text.codePointAt(i + 1))) {
        end = wordEnd(text, i + 1);
        Kind kind = c == '@' ? Kind.MENTION : Kind.HASHTAG;
        out.add(token(text, i, end, kind, lower(text.substring(i + 1, end)), quoted));
        i = end;
        continue;
      }
      int cp = text.codePointAt(i);
      if (isWordChar(cp)) {
        end = wordEnd(text, i);
        String raw = text.substring(i, end);
        boolean number = Character.isDigit(cp) && isNumber(raw);
        out.add(word(raw, i, end, number, quoted));
        i = end;
        continue;
      }
      if (isEmoji(cp)) {
        end = emojiEnd(text, i);
        out.add(token(text, i, end, Kind.EMOJI, emojiNorm(text.substring(i, end)), quoted));
        i = end;
        continue;
      }
      end = i + Character.charCount(cp);
      out.add(token(text, i, end, Kind.PUNCT, text.substring(i, end), quoted));
      i = end;
    }
    if (quoted) {
      unquote(out, openedAt);
    }
    return out;
  }

  /** A quote that never closes is more likely a stray mark than a quotation. */
  private static void unquote(List<Token> out, int from) {
    for (int k = from; k < out.size(); k++) {
      Token t = out.get(k);
      out.set(
          k,
          new Token(
              t.raw(), t.norm(), t.start(), t.end(), t.kind(), t.allCaps(), t.elongated(), false));
    }
  }

  private static Token token(String text, int s, int e, Kind k, String norm, boolean quoted) {
    return new Token(text.substring(s, e), norm, s, e, k, false, false, quoted);
  }

  private static Token word(String raw, int s, int e, boolean number, boolean quoted) {
    String lower = lower(raw).replace('\u2019', '\'');
    String norm = squeeze(lower);
    boolean caps = !number && raw.length() > 1 && isAllCaps(raw);
    Kind kind = number ? Kind.NUMBER : Kind.WORD;
    return new Token(raw, norm, s, e, kind, caps, !norm.equals(lower), quoted);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Shortens runs of three or more equal letters to two: "soooo" becomes "soo". */
  static String squeeze(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean third = i >= 2 && s.charAt(i - 1) == c && s.charAt(i - 2) == c;
      if (third && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      } else if (!third && b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /** Removes every doubled letter: "soo" becomes "so". Used after {@link #squeeze} fails. */
  static String single(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }

  private static boolean isAllCaps(String raw) {
    boolean letter = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isUpperCase(c);
    }
    return letter;
  }

  private static boolean isNumber(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!Character.isDigit(c) && c != '.' && c != ',') {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
  }

  private static int wordEnd(String text, int i) {
    int n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      if (isWordChar(cp)) {
        i += Character.charCount(cp);
      } else if ((cp == '\'' || cp == '\u2019' || cp == '.' || cp == ',' || cp == '-' || cp == '&')
          && i + 1 < n
          && isWordChar(text.codePointAt(i + 1))
          && (cp != '.' && cp != ',' || Character.isDigit(text.charAt(i - 1)))) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static int urlEnd(String text, int i) {
    if (!text.startsWith("http://", i)
        && !text.startsWith("https://", i)
        && !text.startsWith("www.", i)) {
      return i;
    }
    int e = i;
    while (e < text.length() && !Character.isWhitespace(text.charAt(e))) {
      e++;
    }
    return e;
  }

  private static int emoticonEnd(String text, int i) {
    if (EMOTICON_STARTS.indexOf(text.charAt(i)) < 0
        || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
      return i;
    }
    for (String e : EMOTICONS) {
      if (text.startsWith(e, i)) {
        int end = i + e.length();
        if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
          return end;
        }
      }
    }
    return i;
  }

  static boolean isEmoji(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x2190 && cp <= 0x21FF)
        || (cp >= 0x2B00 && cp <= 0x2BFF)
        || cp == 0x00A9
        || cp == 0x00AE
        || cp == 0x203C
        || cp == 0x2049
        || cp == 0x2122
        || cp == 0x2139
        || (cp >= 0x231A && cp <= 0x23FF)
        || cp == 0x3030
        || cp == 0x303D;
  }

  private static boolean isEmojiPart(int cp) {
    return cp == 0xFE0F
        || cp == 0xFE0E
        || cp == 0x200D
        || cp == 0x20E3
        || (cp >= 0x1F3FB && cp <= 0x1F3FF)
        || (cp >= 0xE0020 && cp <= 0xE007F);
  }

  private static int emojiEnd(String text, int i) {
    int e = i + Character.charCount(text.codePointAt(i));
    while (e < text.length()) {
      int cp = text.codePointAt(e);
      if (isEmojiPart(cp)) {
        e += Character.charCount(cp);
        if (cp == 0x200D && e < text.length() && isEmoji(text.codePointAt(e))) {
          e += Character.charCount(text.codePointAt(e));
        }
      } else {
        break;
      }
    }
    return e;
  }

  /** The first emoji of a sequence, without variation selectors or skin tones. */
  private static String emojiNorm(String s) {
    return new String(Character.toChars(s.codePointAt(0)));
  }
}
