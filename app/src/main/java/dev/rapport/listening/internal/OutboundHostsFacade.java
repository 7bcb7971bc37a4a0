package dev.rapport.listening.internal;

import dev.rapport.listening.OutboundHosts;
import dev.rapport.shared.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.stereotype.Component;

/** Checks a host and port with listening's {@link UrlGuard}, as if it were an http URL. */
@Component
class OutboundHostsFacade implements OutboundHosts {

  private final UrlGuard guard;

  OutboundHostsFacade(UrlGuard guard) {
    this.guard = guard;
  }

  @Override
  public void check(String field, String host, int port) {
    if (host == null || host.isBlank()) {
      throw InvalidInputException.of(field, "is required");
    }
    String h = host.strip();
    if (!h.matches("[A-Za-z0-9.\\-]{1,253}|\\[?[0-9A-Fa-f:.]{2,45}]?")) {
      throw InvalidInputException.of(field, "is not a host name or an IP address");
    }
    if (port < 1 || port > 65535) {
      throw InvalidInputException.of(field, "port " + port + " is not between 1 and 65535");
    }
    URI uri;
    try {
      uri = new URI("http", null, h.replace("[", "").replace("]", ""), port, "/", null, null);
    } catch (URISyntaxException e) {
      throw InvalidInputException.of(field, "is not a host name or an IP address");
    }
    guard.check(field, uri);
  }
}
