package dev.rapport.sales.mail;

import dev.rapport.listening.OutboundHosts;
import dev.rapport.people.PersonId;
import dev.rapport.shared.InvalidInputException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends plain-text mail over a mailbox's SMTP server. The message is written as a DRAFT row before
 * the call, so a server that refuses or does not answer loses nothing: the row turns FAILED with
 * the reason and can be retried. A sent message becomes an outgoing EMAIL touchpoint keyed on its
 * Message-ID, the same key the IMAP import gives its copy in the sent folder.
 */
@Component
class MailSending {

  /** Sending failed; the draft is kept as a FAILED outbound row. */
  static final class SendFailed extends RuntimeException {
    private final long outbound;

    SendFailed(long outbound, String message) {
      super(message);
      this.outbound = outbound;
    }

    long outbound() {
      return outbound;
    }
  }

  private final MailStore store;
  private final MailSessions sessions;
  private final PasswordCipher cipher;
  private final OutboundHosts hosts;
  private final MailFiling filing;
  private final TransactionTemplate tx;
  private final Clock clock = Clock.systemUTC();

  MailSending(
      MailStore store,
      MailSessions sessions,
      PasswordCipher cipher,
      OutboundHosts hosts,
      MailFiling filing,
      TransactionTemplate tx) {
    this.store = store;
    this.sessions = sessions;
    this.cipher = cipher;
    this.hosts = hosts;
    this.filing = filing;
    this.tx = tx;
  }

  /** Writes the draft, then sends it; the stored outbound row either way. */
  MailStore.Outbound send(
      Mailbox m,
      PersonId person,
      String to,
      String subject,
      String body,
      String inReplyTo,
      Long byUser) {
    String domain = m.address().substring(m.address().indexOf('@') + 1);
    String messageId = "<" + UUID.randomUUID() + "@rapport." + domain + ">";
    long id =
        store.insertOutbound(
            new MailStore.Outbound(
                0,
                m.id(),
                person.value(),
                to,
                subject,
                body,
                inReplyTo,
                messageId,
                "DRAFT",
                null,
                byUser,
                clock.instant(),
                null));
    return deliver(m, store.outbound(id).orElseThrow());
  }

  /** Sends a stored draft or failed message again; a sent one is answered as it is. */
  MailStore.Outbound deliver(Mailbox m, MailStore.Outbound o) {
    if ("SENT".equals(o.status())) {
      return o;
    }
    try {
      hosts.check("smtpHost", m.smtpHost(), m.smtpPort());
    } catch (InvalidInputException e) {
      String why = "SMTP server " + m.smtpHost() + ":" + m.smtpPort() + " " + e.getMessage();
      store.outboundFailed(o.id(), why);
      throw new SendFailed(o.id(), why);
    }
    try {
      String password = cipher.decrypt(m.passwordEnc());
      Session session = sessions.smtp(m);
      MimeMessage msg = new FixedIdMessage(session, o.messageId());
      msg.setFrom(new InternetAddress(m.address()));
      msg.setRecipient(Message.RecipientType.TO, new InternetAddress(o.toAddress(), true));
      msg.setSubject(o.subject(), StandardCharsets.UTF_8.name());
      msg.setText(o.body(), StandardCharsets.UTF_8.name());
      msg.setSentDate(Date.from(clock.instant()));
      if (o.inReplyTo() != null) {
        msg.setHeader("In-Reply-To", o.inReplyTo());
        msg.setHeader("References", o.inReplyTo());
      }
      msg.saveChanges();
      try (Transport t = session.getTransport(MailSessions.smtpProtocol(m))) {
        t.connect(m.smtpHost(), m.smtpPort(), m.username(), password);
        t.sendMessage(msg, msg.getAllRecipients());
      }
    } catch (MessagingException | RuntimeException e) {
      String why =
          e instanceof IllegalStateException
              ? "SMTP server " + m.smtpHost() + ":" + m.smtpPort() + ": " + e.getMessage()
              : MailFailure.explain("SMTP", m.smtpHost(), m.smtpPort(), e)
                  .replace("nothing was lost, try again later", "the message is kept, retry it");
      store.outboundFailed(o.id(), why);
      throw new SendFailed(o.id(), why + " (message #" + o.id() + " is kept: retry it)");
    }
    Instant now = clock.instant();
    tx.executeWithoutResult(
        s -> {
          store.outboundSent(o.id(), now);
          PersonId person = new PersonId(o.personId());
          var row = store.message(m.id(), o.messageId());
          long rowId =
              row.isPresent()
                  ? row.get().id()
                  : store.insertMessage(
                      new MailStore.Message(
                          0,
                          m.id(),
                          o.messageId(),
                          o.inReplyTo() == null
                              ? o.messageId()
                              : store.threadOf(m.id(), o.inReplyTo()).orElse(o.inReplyTo()),
                          o.inReplyTo(),
                          MailText.clip(o.subject()),
                          MailText.clip(o.body()),
                          "OUT",
                          m.address().toLowerCase(java.util.Locale.ROOT),
                          null,
                          now,
                          true));
          store.markFiled(rowId, person);
          filing.append(m, store.message(m.id(), o.messageId()).orElseThrow(), person);
        });
    return store.outbound(o.id()).orElseThrow();
  }

  /** A message that keeps the Message-ID Rapport chose (its key on the timeline). */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
