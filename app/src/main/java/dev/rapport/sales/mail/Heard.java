package dev.rapport.sales.mail;

import java.time.Instant;
import java.util.List;

/**
 * One message read from a folder, reduced to what Rapport keeps: ids for threading, subject, a safe
 * excerpt, the sender and the other addresses (all lower case).
 */
record Heard(
    long uid,
    String messageId,
    String inReplyTo,
    List<String> references,
    String subject,
    String excerpt,
    String fromAddress,
    String fromName,
    List<String> recipients,
    Instant occurredAt) {}
