package dev.rapport.shared;

/**
 * Characters no stored text may hold, checked the same way by every way in (ingest, the persons
 * API, forms and imports): NUL and other control characters except tab, line feed and carriage
 * return, and lone UTF-16 surrogates (which PostgreSQL cannot store and no encoder can write).
 */
public final class TextChecks {

  private TextChecks() {}

  /** Why the text is refused, or null when it is fine. */
  public static String refusal(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0)) {
        return String.format("contains the control character U+%04X at offset %d", (int) c, i);
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains a lone surrogate (invalid UTF-16) at offset " + i;
      }
      if (Character.isLowSurrogate(c)) {
        return "contains a lone surrogate (invalid UTF-16) at offset " + i;
      }
    }
    return null;
  }
}
