package dev.rapport.sales.mail;

import jakarta.mail.Session;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * Jakarta Mail sessions for a mailbox's IMAP and SMTP servers, each with connect, read and write
 * timeouts (a server that does not answer fails the call instead of hanging a worker) and the
 * mailbox's TLS mode. Certificates are checked, including the server's name.
 */
@Component
class MailSessions {

  private final MailProperties props;

  MailSessions(MailProperties props) {
    this.props = props;
  }

  /** The protocol name Jakarta Mail uses for the store: imaps for TLS, imap otherwise. */
  static String imapProtocol(Mailbox m) {
    return m.imapSecurity() == Mailbox.Security.TLS ? "imaps" : "imap";
  }

  static String smtpProtocol(Mailbox m) {
    return m.smtpSecurity() == Mailbox.Security.TLS ? "smtps" : "smtp";
  }

  Session imap(Mailbox m) {
    Properties p = new Properties();
    String proto = imapProtocol(m);
    common(p, proto, m.imapSecurity());
    p.put("mail.store.protocol", proto);
    return Session.getInstance(p);
  }

  Session smtp(Mailbox m) {
    Properties p = new Properties();
    String proto = smtpProtocol(m);
    common(p, proto, m.smtpSecurity());
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".auth", "true");
    return Session.getInstance(p);
  }

  private void common(Properties p, String proto, Mailbox.Security security) {
    String connect = String.valueOf(props.connectTimeout().toMillis());
    String read = String.valueOf(props.readTimeout().toMillis());
    p.put("mail." + proto + ".connectiontimeout", connect);
    p.put("mail." + proto + ".timeout", read);
    p.put("mail." + proto + ".writetimeout", read);
    if (security == Mailbox.Security.STARTTLS) {
      p.put("mail." + proto + ".starttls.enable", "true");
      p.put("mail." + proto + ".starttls.required", "true");
    }
    if (security != Mailbox.Security.NONE) {
      p.put("mail." + proto + ".ssl.checkserveridentity", "true");
    }
  }
}
