package dev.rapport.listening;

/**
 * The server-side request forgery guard for hosts a user names that are not web URLs (a mailbox's
 * IMAP and SMTP servers): the same rules as listening's sources, loopback, private, link-local and
 * metadata addresses refused unless an admin lists the host and port in {@code
 * rapport.listening.allowed-hosts}.
 */
public interface OutboundHosts {

  /**
   * Returns quietly when Rapport may connect to the host and port; otherwise raises {@code
   * InvalidInputException} naming the field and the reason.
   */
  void check(String field, String host, int port);
}
