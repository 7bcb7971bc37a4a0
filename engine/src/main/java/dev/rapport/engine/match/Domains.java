package dev.rapport.engine.match;

/** The host of a URL, as site: and links: compare it. */
final class Domains {
  private Domains() {}

  /** Lower-case host without scheme, port, path or a leading www. */
  static String host(String url) {
    int from = url.indexOf("://");
    from = from < 0 ? 0 : from + 3;
    int to = from;
    while (to < url.length() && "/?#:".indexOf(url.charAt(to)) < 0) {
      to++;
    }
    String host = url.substring(from, to);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /**
   * The host of an all-ASCII URL in {@code url[off, off + len)}, lower-cased and normalised the way
   * {@code Tokenizer.normalizeWord(host(url.toLowerCase()))} does it, written to {@code out} from 0
   * without making Strings; returns its length, or -1 when the URL has a non-ASCII character (the
   * caller then takes the String path). {@code out} must hold at least len chars.
   */
  static int asciiHost(char[] url, int off, int len, char[] out) {
    // Long: one allocation-free pass over a link's characters on the matcher's hot path; split, it
    // would pass five cursors between methods.
    int end = off + len;
    int scheme = -1;
    for (int i = off; i < end; i++) {
      char c = url[i];
      if (c >= 128) {
        return -1;
      }
      if (scheme < 0 && c == ':' && i + 2 < end && url[i + 1] == '/' && url[i + 2] == '/') {
        scheme = i;
      }
    }
    int from = scheme < 0 ? off : scheme + 3;
    int to = from;
    while (to < end) {
      char c = url[to];
      if (c == '/' || c == '?' || c == '#' || c == ':') {
        break;
      }
      to++;
    }
    if (to - from >= 4
        && lower(url[from]) == 'w'
        && lower(url[from + 1]) == 'w'
        && lower(url[from + 2]) == 'w'
        && url[from + 3] == '.') {
      from += 4;
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      char f = lower(url[i]);
      if (f == 0) {
        continue;
      }
      out[n++] = f;
      if (n >= 3 && f >= 'a' && f <= 'z' && out[n - 2] == f && out[n - 3] == f) {
        n--;
      }
    }
    return n;
  }

  /**
   * A field value (author, network, lang) written to {@code out} from 0 the way {@code
   * Tokenizer.normalizeWord(value.toLowerCase(Locale.ROOT))} normalises it, for all-ASCII values;
   * -1 when the value has a non-ASCII character. {@code out} must hold value.length() - from chars.
   */
  static int asciiValue(String value, int from, char[] out) {
    return asciiValue(value, from, value.length(), out);
  }

  /** {@link #asciiValue(String, int, char[])} of {@code value[from, to)}. */
  static int asciiValue(String value, int from, int to, char[] out) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c >= 128) {
        return -1;
      }
      char f = lower(c);
      if (f == 0) {
        continue;
      }
      out[n++] = f;
      if (n >= 3 && f >= 'a' && f <= 'z' && out[n - 2] == f && out[n - 3] == f) {
        n--;
      }
    }
    return n;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
  }
}
