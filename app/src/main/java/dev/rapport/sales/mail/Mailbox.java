package dev.rapport.sales.mail;

import java.time.Instant;

/** A connected mailbox as stored; the password stays encrypted and never leaves the module. */
record Mailbox(
    long id,
    long userId,
    String address,
    String imapHost,
    int imapPort,
    Security imapSecurity,
    String smtpHost,
    int smtpPort,
    Security smtpSecurity,
    String username,
    String passwordEnc,
    String sentFolder,
    Instant lastCheckedAt,
    String lastError,
    Instant lastErrorAt,
    Instant createdAt) {

  /** How a connection is secured: TLS from the first byte, upgraded with STARTTLS, or none. */
  enum Security {
    TLS,
    STARTTLS,
    NONE
  }
}
