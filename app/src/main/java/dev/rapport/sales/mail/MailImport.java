package dev.rapport.sales.mail;

import dev.rapport.listening.OutboundHosts;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a mailbox over IMAP: INBOX and the sent folder, each from its saved cursor (UIDVALIDITY and
 * the last UID filed), in batches; each batch is filed in its own transaction together with the
 * cursor's move ({@link MailFiling}), so a server that fails midway leaves every message before the
 * failure filed and every message after it unread, and the next check resumes there. A changed
 * UIDVALIDITY reads the folder again from the start; filing is idempotent on the Message-ID. One
 * check per mailbox at a time.
 */
@Component
class MailImport {

  private static final Logger log = LoggerFactory.getLogger(MailImport.class);
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,900}>");
  private static final List<String> SENT_NAMES =
      List.of("Sent", "Sent Items", "Sent Messages", "INBOX.Sent", "[Gmail]/Sent Mail");

  /** What one check did: messages filed or waiting as unknown senders, and the error if any. */
  record Result(long mailbox, int read, int filed, String error) {
    boolean ok() {
      return error == null;
    }
  }

  private final MailStore store;
  private final MailFiling filing;
  private final MailSessions sessions;
  private final PasswordCipher cipher;
  private final OutboundHosts hosts;
  private final Map<Long, ReentrantLock> running = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  /** Messages per transaction; tests make it 1 to stop a server between two batches. */
  int batchSize;

  /** Called with the last UID of each batch once it is committed; tests stop the server here. */
  volatile LongConsumer afterBatch = uid -> {};

  MailImport(
      MailStore store,
      MailFiling filing,
      MailSessions sessions,
      PasswordCipher cipher,
      OutboundHosts hosts,
      MailProperties props) {
    this.store = store;
    this.filing = filing;
    this.sessions = sessions;
    this.cipher = cipher;
    this.hosts = hosts;
    this.batchSize = Math.max(1, props.batchSize());
  }

  /** Reads the mailbox now; the outcome is also recorded on the mailbox (last check, error). */
  Result check(long mailboxId) {
    ReentrantLock lock = running.computeIfAbsent(mailboxId, k -> new ReentrantLock());
    if (!lock.tryLock()) {
      return new Result(mailboxId, 0, 0, "a check of this mailbox is already running");
    }
    try {
      Mailbox m = store.find(mailboxId).orElse(null);
      if (m == null) {
        return new Result(mailboxId, 0, 0, "the mailbox is gone");
      }
      return read(m);
    } finally {
      lock.unlock();
    }
  }

  private Result read(Mailbox m) {
    int[] counts = new int[2];
    String error = null;
    Store imap = null;
    try {
      hosts.check("imapHost", m.imapHost(), m.imapPort());
      String password = cipher.decrypt(m.passwordEnc());
      imap = sessions.imap(m).getStore(MailSessions.imapProtocol(m));
      imap.connect(m.imapHost(), m.imapPort(), m.username(), password);
      for (String folder : folders(imap, m)) {
        readFolder(m, imap, folder, counts);
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      error =
          e instanceof IllegalStateException
                  || e instanceof dev.rapport.shared.InvalidInputException
              ? "IMAP server " + m.imapHost() + ":" + m.imapPort() + ": " + e.getMessage()
              : MailFailure.explain("IMAP", m.imapHost(), m.imapPort(), e);
      log.info("mailbox {}: {}", m.id(), error);
    } finally {
      if (imap != null) {
        try {
          imap.close();
        } catch (MessagingException | RuntimeException ignored) {
          // the connection is gone already
        }
      }
    }
    store.checked(m.id(), clock.instant(), error);
    return new Result(m.id(), counts[0], counts[1], error);
  }

  /** INBOX and the sent folder: the one the mailbox names, or the one the server marks \Sent. */
  private static List<String> folders(Store imap, Mailbox m) throws MessagingException {
    List<String> out = new ArrayList<>(List.of("INBOX"));
    if (m.sentFolder() != null && !m.sentFolder().isBlank()) {
      out.add(m.sentFolder());
      return out;
    }
    for (Folder f : imap.getDefaultFolder().list("*")) {
      if (f instanceof org.eclipse.angus.mail.imap.IMAPFolder i
          && Arrays.asList(i.getAttributes()).contains("\\Sent")) {
        out.add(f.getFullName());
        return out;
      }
    }
    for (String name : SENT_NAMES) {
      if (imap.getFolder(name).exists()) {
        out.add(name);
        return out;
      }
    }
    return out;
  }

  private void readFolder(Mailbox m, Store imap, String name, int[] counts)
      throws MessagingException, IOException {
    Folder folder = imap.getFolder(name);
    if (!folder.exists()) {
      return;
    }
    folder.open(Folder.READ_ONLY);
    try {
      UIDFolder uids = (UIDFolder) folder;
      long validity = uids.getUIDValidity();
      MailStore.Cursor cursor = store.cursor(m.id(), name).orElse(null);
      long last = cursor == null || cursor.uidValidity() != validity ? 0 : cursor.lastUid();
      Message[] fresh = uids.getMessagesByUID(last + 1, UIDFolder.LASTUID);
      List<Message> todo = new ArrayList<>();
      for (Message msg : fresh) {
        if (msg != null && uids.getUID(msg) > last) {
          todo.add(msg);
        }
      }
      todo.sort((a, b) -> Long.compare(uid(uids, a), uid(uids, b)));
      for (int i = 0; i < todo.size(); i += batchSize) {
        List<Message> slice = todo.subList(i, Math.min(todo.size(), i + batchSize));
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add("References");
        folder.fetch(slice.toArray(Message[]::new), profile);
        List<Heard> heard = new ArrayList<>();
        long top = last;
        for (Message msg : slice) {
          long uid = uid(uids, msg);
          heard.add(heard(m, name, validity, uid, msg));
          top = Math.max(top, uid);
        }
        counts[0] += heard.size();
        counts[1] += filing.file(m, name, new MailStore.Cursor(validity, top), heard);
        last = top;
        afterBatch.accept(top);
      }
    } finally {
      if (folder.isOpen()) {
        folder.close(false);
      }
    }
  }

  private static long uid(UIDFolder uids, Message msg) {
    try {
      return uids.getUID(msg);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Heard heard(Mailbox m, String folder, long validity, long uid, Message msg)
      throws MessagingException, IOException {
    String id = firstId(header(msg, "Message-ID"));
    if (id == null) {
      // no Message-ID: one made from where the message lives, stable across checks
      id =
          "<" + validity + "." + uid + "." + folder.hashCode() + "@mailbox-" + m.id() + ".rapport>";
    }
    List<String> refs = ids(header(msg, "References"));
    String inReplyTo = firstId(header(msg, "In-Reply-To"));
    InternetAddress from = first(msg.getFrom());
    Set<String> others = new LinkedHashSet<>();
    for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
      Address[] to = msg.getRecipients(type);
      if (to != null) {
        for (Address a : to) {
          if (a instanceof InternetAddress ia && ia.getAddress() != null) {
            others.add(ia.getAddress().strip().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    Instant at =
        msg.getSentDate() != null
            ? msg.getSentDate().toInstant()
            : msg.getReceivedDate() != null ? msg.getReceivedDate().toInstant() : Instant.now();
    String subject = msg.getSubject();
    return new Heard(
        uid,
        id,
        inReplyTo,
        refs,
        subject == null ? null : MailText.clip(subject),
        MailText.excerpt(msg),
        from == null || from.getAddress() == null
            ? null
            : from.getAddress().strip().toLowerCase(Locale.ROOT),
        from == null ? null : name(from),
        List.copyOf(others),
        at);
  }

  private static String name(InternetAddress a) {
    String p = a.getPersonal();
    if (p == null || p.isBlank()) {
      return null;
    }
    String clean = MailText.clip(p);
    return clean.length() > 200 ? clean.substring(0, 200) : clean;
  }

  private static InternetAddress first(Address[] addresses) {
    if (addresses == null) {
      return null;
    }
    for (Address a : addresses) {
      if (a instanceof InternetAddress ia) {
        return ia;
      }
    }
    return null;
  }

  private static String header(Message msg, String name) throws MessagingException {
    String[] values = msg.getHeader(name);
    if (values == null || values.length == 0) {
      return null;
    }
    try {
      return MimeUtility.unfold(String.join(" ", values));
    } catch (RuntimeException e) {
      return String.join(" ", values);
    }
  }

  static List<String> ids(String header) {
    List<String> out = new ArrayList<>();
    if (header != null) {
      Matcher mt = MESSAGE_ID.matcher(header);
      while (mt.find() && out.size() < 100) {
        out.add(mt.group());
      }
    }
    return out;
  }

  static String firstId(String header) {
    List<String> all = ids(header);
    return all.isEmpty() ? null : all.get(0);
  }
}
