package dev.rapport.engine.fuzz;

import java.io.ByteArrayOutputStream;

/**
 * Text in corpus files: UTF-8, except that a lone surrogate is written as its own three bytes
 * (WTF-8), so a failing input with a broken surrogate pair replays exactly. Bytes that are not
 * valid either way read as U+FFFD.
 */
public final class Wtf8 {
  private Wtf8() {}

  /** The bytes of a text; lone surrogates as three bytes each. */
  public static byte[] encode(CharSequence s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int cp = c;
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        cp = Character.toCodePoint(c, s.charAt(++i));
      }
      if (cp < 0x80) {
        out.write(cp);
      } else if (cp < 0x800) {
        out.write(0xC0 | cp >> 6);
        out.write(0x80 | cp & 0x3F);
      } else if (cp < 0x10000) {
        out.write(0xE0 | cp >> 12);
        out.write(0x80 | cp >> 6 & 0x3F);
        out.write(0x80 | cp & 0x3F);
      } else {
        out.write(0xF0 | cp >> 18);
        out.write(0x80 | cp >> 12 & 0x3F);
        out.write(0x80 | cp >> 6 & 0x3F);
        out.write(0x80 | cp & 0x3F);
      }
    }
    return out.toByteArray();
  }

  /** The text of some bytes; lone surrogates come back, invalid bytes become U+FFFD. */
  public static String decode(byte[] b) {
    StringBuilder s = new StringBuilder(b.length);
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int need = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 : 3;
      if (c >= 0x80 && c < 0xC2 || c >= 0xF5) {
        s.append('\uFFFD');
        i++;
        continue;
      }
      int cp = need == 0 ? c : c & (0x3F >> need);
      boolean ok = true;
      for (int k = 1; k <= need; k++) {
        if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
          ok = false;
          break;
        }
        cp = cp << 6 | b[i + k] & 0x3F;
      }
      int min = need == 1 ? 0x80 : need == 2 ? 0x800 : need == 3 ? 0x10000 : 0;
      if (!ok || cp < min || cp > Character.MAX_CODE_POINT) {
        s.append('\uFFFD');
        i++;
        continue;
      }
      s.appendCodePoint(cp);
      i += need + 1;
    }
    return s.toString();
  }
}
