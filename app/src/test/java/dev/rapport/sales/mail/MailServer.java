package dev.rapport.sales.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Date;
import java.util.Properties;

/**
 * An in-process GreenMail IMAP and SMTP server on loopback ports chosen for this test (the same
 * ports after a restart), with one user, and helpers to put messages in its folders over IMAP.
 */
final class MailServer {

  static final String ADDRESS = "seller@rapport.test";
  static final String LOGIN = "seller";
  static final String PASSWORD = "pl41n-secret-Pa55";

  final int imapPort = freePort();
  final int smtpPort = freePort();
  GreenMail green;

  MailServer start() {
    green =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    green.start();
    green.setUser(ADDRESS, LOGIN, PASSWORD);
    return this;
  }

  void stop() {
    if (green != null) {
      green.stop();
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON to connect this server's mailbox through the API. */
  String connectJson() {
    return "{\"address\":\""
        + ADDRESS
        + "\",\"imapHost\":\"127.0.0.1\",\"imapPort\":"
        + imapPort
        + ",\"imapSecurity\":\"none\",\"smtpHost\":\"127.0.0.1\",\"smtpPort\":"
        + smtpPort
        + ",\"smtpSecurity\":\"none\",\"username\":\""
        + LOGIN
        + "\",\"password\":\""
        + PASSWORD
        + "\"}";
  }

  static MimeMessage message(
      String messageId, String from, String to, String subject, String text, String... headers)
      throws Exception {
    MimeMessage m = fixed(messageId);
    m.setFrom(new InternetAddress(from));
    m.setRecipients(MimeMessage.RecipientType.TO, to);
    m.setSubject(subject);
    m.setText(text, "UTF-8");
    m.setSentDate(new Date());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      m.setHeader(headers[i], headers[i + 1]);
    }
    m.saveChanges();
    return m;
  }

  static MimeMessage html(String messageId, String from, String to, String subject, String html)
      throws Exception {
    MimeMessage m = fixed(messageId);
    m.setFrom(new InternetAddress(from));
    m.setRecipients(MimeMessage.RecipientType.TO, to);
    m.setSubject(subject);
    MimeMultipart alt = new MimeMultipart("alternative");
    MimeBodyPart h = new MimeBodyPart();
    h.setContent(html, "text/html; charset=UTF-8");
    alt.addBodyPart(h);
    m.setContent(alt);
    m.setSentDate(new Date());
    m.saveChanges();
    return m;
  }

  private static MimeMessage fixed(String messageId) {
    return new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
  }

  /** Appends messages to a folder (created when missing) over IMAP, as a mail client would. */
  void append(String folder, MimeMessage... messages) throws Exception {
    Properties p = new Properties();
    Store store = Session.getInstance(p).getStore("imap");
    store.connect("127.0.0.1", imapPort, LOGIN, PASSWORD);
    try {
      Folder f = store.getFolder(folder);
      if (!f.exists()) {
        f.create(Folder.HOLDS_MESSAGES);
      }
      for (MimeMessage m : messages) {
        m.setFlag(Flags.Flag.SEEN, true);
      }
      f.appendMessages(messages);
    } finally {
      store.close();
    }
  }
}
