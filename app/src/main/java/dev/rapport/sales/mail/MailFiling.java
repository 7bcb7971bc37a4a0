package dev.rapport.sales.mail;

import dev.rapport.access.Users;
import dev.rapport.people.PersonEmails;
import dev.rapport.people.PersonId;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files messages on persons' timelines: a message from a known person's address is an incoming
 * EMAIL touchpoint on theirs; one the mailbox's owner sent goes on every known recipient's as
 * outgoing. A message from an unknown sender waits in the mailbox's "unknown senders" until someone
 * adds the sender as a person. Each batch commits with its folder cursor; touchpoints are keyed on
 * the Message-ID and the person, so a message heard twice (a re-read folder, the sent copy of mail
 * sent from Rapport, the same mail in two users' mailboxes) is on a timeline once.
 */
@Component
class MailFiling {

  static final String SOURCE_TYPE = "sales.mail";

  private final MailStore store;
  private final PersonEmails emails;
  private final Timeline timeline;
  private final Users users;

  MailFiling(MailStore store, PersonEmails emails, Timeline timeline, Users users) {
    this.store = store;
    this.emails = emails;
    this.timeline = timeline;
    this.users = users;
  }

  /** Files a batch and moves the folder's cursor, together. Returns how many were filed. */
  @Transactional
  int file(Mailbox m, String folder, MailStore.Cursor cursor, List<Heard> batch) {
    int filed = 0;
    for (Heard h : batch) {
      filed += file(m, h);
    }
    store.saveCursor(m.id(), folder, cursor);
    return filed;
  }

  private int file(Mailbox m, Heard h) {
    if (store.message(m.id(), h.messageId()).isPresent()) {
      return 0;
    }
    boolean out = isOwn(m, h.fromAddress());
    List<String> counterparts = new ArrayList<>();
    if (out) {
      h.recipients().stream().filter(a -> !isOwn(m, a)).forEach(counterparts::add);
    } else if (h.fromAddress() != null) {
      counterparts.add(h.fromAddress());
    }
    Map<String, PersonId> known = emails.byEmail(counterparts);
    if (known.isEmpty() && out) {
      return 0; // mail to nobody we know: not Rapport's business
    }
    String thread = thread(m.id(), h);
    long row =
        store.insertMessage(
            new MailStore.Message(
                0,
                m.id(),
                h.messageId(),
                thread,
                h.inReplyTo(),
                h.subject(),
                h.excerpt(),
                out ? "OUT" : "IN",
                h.fromAddress(),
                h.fromName(),
                h.occurredAt(),
                !known.isEmpty()));
    if (known.isEmpty()) {
      return 0;
    }
    MailStore.Message stored = store.message(m.id(), h.messageId()).orElseThrow();
    for (PersonId person : known.values().stream().distinct().toList()) {
      append(m, stored, person);
      store.markFiled(row, person);
    }
    return 1;
  }

  /**
   * Files an unknown sender's waiting messages on the person just made (or found) for them. Returns
   * how many were filed.
   */
  @Transactional
  int fileSender(Mailbox m, String address, PersonId person) {
    int n = 0;
    for (MailStore.Message msg : store.unfiledFrom(m.id(), address)) {
      append(m, msg, person);
      store.markFiled(msg.id(), person);
      n++;
    }
    return n;
  }

  /** The EMAIL touchpoint of a message on a person's timeline; idempotent. */
  void append(Mailbox m, MailStore.Message msg, PersonId person) {
    boolean out = "OUT".equals(msg.direction());
    // "by" (a user name, as the timeline resolves it) is the mailbox owner for mail they sent
    String byName = out ? users.find(m.userId()).map(u -> u.username()).orElse(null) : null;
    timeline.append(
        new NewTouchpoint(
            person,
            null,
            TouchpointKind.EMAIL,
            "email",
            out ? Direction.OUT : Direction.IN,
            msg.occurredAt(),
            out ? m.userId() : null,
            byName,
            summary(msg.subject(), msg.excerpt()),
            new SourceRef(SOURCE_TYPE, sourceId(msg.messageId(), person), null),
            null,
            null,
            null));
  }

  static String summary(String subject, String excerpt) {
    String s = subject == null || subject.isBlank() ? "(no subject)" : subject;
    return NewTouchpoint.clip(excerpt == null || excerpt.isBlank() ? s : s + " — " + excerpt);
  }

  /** Message-ID and person: readable when short, a hash of the id when the id is long. */
  static String sourceId(String messageId, PersonId person) {
    String id = messageId.strip().toLowerCase(Locale.ROOT);
    if (id.length() > 170) {
      try {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        id = "sha256:" + HexFormat.of().formatHex(d);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return id + "#" + person.value();
  }

  /**
   * The thread: the one of the message replied to when it was heard here, else the first of its
   * References (the thread's root), else what it replies to, else itself.
   */
  private String thread(long mailbox, Heard h) {
    if (h.inReplyTo() != null) {
      var known = store.threadOf(mailbox, h.inReplyTo());
      if (known.isPresent()) {
        return known.get();
      }
    }
    if (!h.references().isEmpty()) {
      return h.references().get(0);
    }
    return h.inReplyTo() != null ? h.inReplyTo() : h.messageId();
  }

  static boolean isOwn(Mailbox m, String address) {
    return address != null
        && (address.equalsIgnoreCase(m.address()) || address.equalsIgnoreCase(m.username()));
  }
}
