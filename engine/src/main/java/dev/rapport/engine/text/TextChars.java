package dev.rapport.engine.text;

import java.text.Normalizer;

/**
 * What the tokenizer asks of single characters: which start a word or an emoticon, which are marks,
 * invisibles, ideographs, emoji or flags, and the fold table that lower-cases and strips accents
 * (kept apart from {@link Tokenizer} so the scanner reads as one state machine).
 */
final class TextChars {

  /** Characters below this fold through {@link #FOLD}; others are lower-cased only. */
  static final int FOLD_LIMIT = 0x3000;

  /** Each character's folded form, or 0 when it is dropped (a mark, an invisible, a surrogate). */
  static final char[] FOLD = buildFoldTable();

  private TextChars() {}

  static boolean startsWith(CharSequence s, int i, String prefix) {
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

  static boolean startsWithExact(CharSequence s, int i, String prefix) {
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

  static boolean isAsciiWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  static boolean isEmoticonStart(char c) {
    return c == ':' || c == ';' || c == '<' || c == '=' || c == 'x' || c == 'X';
  }

  static boolean isMark(int cp) {
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

  static boolean isIdeograph(int cp) {
    if (cp < 0x2E80) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  static boolean isEmoji(int cp) {
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

  static char[] buildFoldTable() {
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

  static boolean isAsciiAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
