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
 * NAT, multicast or cloud-metadata address, unless an admin listed the host in {@code
 * rapport.listening.allowed-hosts}. Checked when a source is saved and again on every request and
 * redirect.
 */
final class UrlGuard {

  private static final Set<String> METADATA_HOSTS =
      Set.of("metadata.google.internal", "metadata", "instance-data");

  private final Set<String> allowedHosts;

  UrlGuard(List<String> allowedHosts) {
    this.allowedHosts =
        allowedHosts == null
            ? Set.of()
            : allowedHosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
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
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!Set.of("http", "https", "ws", "wss").contains(scheme)) {
      throw InvalidInputException.of(field, "must use http or https (got '" + scheme + "')");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw InvalidInputException.of(field, "has no host");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (uri.getUserInfo() != null) {
      throw InvalidInputException.of(field, "must not carry a user name or password");
    }
    if (allowedHosts.contains(host)) {
      return;
    }
    if (METADATA_HOSTS.contains(host)) {
      throw InvalidInputException.of(field, "points at a cloud metadata service");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw InvalidInputException.of(field, "host '" + host + "' does not resolve");
    }
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
                + "; an admin can allow it in rapport.listening.allowed-hosts");
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
