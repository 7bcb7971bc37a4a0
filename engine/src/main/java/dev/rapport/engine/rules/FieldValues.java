package dev.rapport.engine.rules;

/** How values of the non-text fields are written. */
final class FieldValues {
  private FieldValues() {}

  static String allowedChars(String field) {
    return switch (field) {
      case "author" -> "_.@-:";
      case "site", "links" -> ".-";
      default -> "_-";
    };
  }

  /** A bare host name from what a user may paste: scheme, www. and path are dropped. */
  static String domain(String value) {
    String v = value;
    int scheme = v.indexOf("://");
    if (scheme >= 0) {
      v = v.substring(scheme + 3);
    }
    int slash = v.indexOf('/');
    if (slash >= 0) {
      v = v.substring(0, slash);
    }
    if (v.startsWith("www.")) {
      v = v.substring(4);
    }
    return v;
  }
}
