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
}
