package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses URLs that would let a user make Rapport call into its own network: only http(s) (and
 * ws(s) for streams), and no host that resolves to a loopback, link-local, private, carrier-grade
 * NAT, multicast or cloud-metadata address, unless an admin listed that host and port in {@code
 * rapport.listening.allowed-hosts} ({@code host:port}, or {@code host:*} for every port). Checked
 * when a source is saved and again on every request and redirect; {@link #target} resolves the host
 * once and hands out the checked address, which is the one {@link GuardedHttp} connects to (no
 * second lookup that a rebinding DNS server could answer differently).
 */
final class UrlGuard {

  /** Looks a host name up; the system resolver unless a test stands in for it. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A URL that may be called, with the one address to connect to. */
  record Target(URI uri, String host, int port, InetAddress address) {}

  private static final Set<String> METADATA_HOSTS =
      Set.of("metadata.google.internal", "metadata", "instance-data");

  /** Allowed {@code host:port} entries; port "*" allows every port of the host. */
  private final Set<String> allowed;

  private final Resolver resolver;

  UrlGuard(List<String> allowedHosts) {
    this(allowedHosts, InetAddress::getAllByName);
  }

  UrlGuard(List<String> allowedHosts, Resolver resolver) {
    this.resolver = resolver;
    this.allowed =
        allowedHosts == null
            ? Set.of()
            : allowedHosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .map(UrlGuard::entry)
                .collect(Collectors.toUnmodifiableSet());
  }

  /** One allow-list entry as {@code host:port}; refused at start-up when it names no port. */
  private static String entry(String e) {
    int colon = e.lastIndexOf(':');
    String host = colon < 0 ? e : e.substring(0, colon);
    String port = colon < 0 ? "" : e.substring(colon + 1);
    if (colon < 0 || host.isEmpty() || !(port.equals("*") || port.matches("[0-9]{1,5}"))) {
      throw new IllegalArgumentException(
          "rapport.listening.allowed-hosts entry '"
              + e
              + "' must name host and port, e.g. "
              + (colon < 0 ? e : "feeds.example")
              + ":443 (or host:* for every port)");
    }
    return unbracket(host) + ":" + port;
  }

  /** The URI, if it may be called; otherwise an InvalidInputException naming the field. */
  URI check(String field, String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (Exception e) {
      throw InvalidInputException.of(field, "is not a valid URL");
    }
    check(field, uri);
    return uri;
  }

  void check(String field, URI uri) {
    String host = host(field, uri);
    if (!allowed(host, port(uri))) {
      checked(field, host, lookUp(field, host));
    }
  }

  /**
   * Checks the URI and resolves its host once: the address to connect to, from the addresses that
   * were checked (every one of them is, for a host not on the allow-list).
   */
  Target target(String field, URI uri) {
    String host = host(field, uri);
    int port = port(uri);
    InetAddress[] addresses = lookUp(field, host);
    if (!allowed(host, port)) {
      checked(field, host, addresses);
    }
    return new Target(uri, host, port, addresses[0]);
  }

  private String host(String field, URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!Set.of("http", "https", "ws", "wss").contains(scheme)) {
      throw InvalidInputException.of(field, "must use http or https (got '" + scheme + "')");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw InvalidInputException.of(field, "has no host");
    }
    if (uri.getUserInfo() != null) {
      throw InvalidInputException.of(field, "must not carry a user name or password");
    }
    host = unbracket(host.toLowerCase(Locale.ROOT));
    if (METADATA_HOSTS.contains(host) && !allowed(host, port(uri))) {
      throw InvalidInputException.of(field, "points at a cloud metadata service");
    }
    return host;
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
  }

  private boolean allowed(String host, int port) {
    return allowed.contains(host + ":" + port) || allowed.contains(host + ":*");
  }

  private InetAddress[] lookUp(String field, String host) {
    try {
      InetAddress[] found = resolver.resolve(host);
      if (found == null || found.length == 0) {
        throw new UnknownHostException(host);
      }
      return found;
    } catch (UnknownHostException e) {
      throw InvalidInputException.of(field, "host '" + host + "' does not resolve");
    }
  }

  private static void checked(String field, String host, InetAddress[] addresses) {
    for (InetAddress a : addresses) {
      String why = refusal(a);
      if (why != null) {
        throw InvalidInputException.of(
            field,
            "host '"
                + host
                + "' resolves to "
                + a.getHostAddress()
                + ", "
                + why
                + "; an admin can allow it (host:port) in rapport.listening.allowed-hosts");
      }
    }
  }

  /** Why the address may not be called, or null when it is a public address. */
  static String refusal(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (a.isAnyLocalAddress()) {
      return "the unspecified address";
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local address (cloud metadata lives here)";
    }
    if (a.isSiteLocalAddress()) {
      return "a private address";
    }
    if (a.isMulticastAddress()) {
      return "a multicast address";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 100 && second >= 64 && second <= 127) {
        return "a carrier-grade NAT address";
      }
      if (first == 0 || first >= 240) {
        return "a reserved address";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "a benchmarking address";
      }
    }
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "a unique-local (private) IPv6 address";
      }
      if (isMappedOrCompatV4(b)) {
        try {
          InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
          return refusal(v4);
        } catch (UnknownHostException e) {
          return "an unreadable address";
        }
      }
    }
    return null;
  }

  private static boolean isMappedOrCompatV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
  }
}
