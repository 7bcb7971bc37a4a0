package dev.rapport.sales.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of mailboxes, under {@code rapport.mail.*}: the key that encrypts mailbox passwords
 * (base64 of 32 bytes; without one no mailbox can be connected), how often mailboxes are read (0
 * turns polling off), the connect and read timeouts of every IMAP and SMTP connection, and how many
 * messages are filed per transaction.
 */
@ConfigurationProperties("rapport.mail")
public record MailProperties(
    String key,
    @DefaultValue("5m") Duration pollInterval,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout,
    @DefaultValue("50") int batchSize) {}
