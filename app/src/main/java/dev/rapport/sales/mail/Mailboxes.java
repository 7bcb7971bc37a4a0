package dev.rapport.sales.mail;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.listening.OutboundHosts;
import dev.rapport.people.PersonEmails;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * What the mail routes share: connecting and disconnecting a mailbox (its owner; an admin sees and
 * manages every one), checking now, unknown senders and adding one as a person, sending to a person
 * and retrying a failed message. A mailbox of someone else is "not found", like a hidden record.
 */
@Service
class Mailboxes {

  static final Pattern EMAIL =
      Pattern.compile("[^@\\s<>\",;]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
  static final int SUBJECT_MAX = 300;
  static final int BODY_MAX = 20_000;

  /** The fields of a mailbox to connect, as a form or JSON gives them. */
  record Form(
      String address,
      String imapHost,
      Integer imapPort,
      String imapSecurity,
      String smtpHost,
      Integer smtpPort,
      String smtpSecurity,
      String username,
      String password,
      String sentFolder) {}

  /** A mailbox as the API and pages show it: never the password. */
  record View(
      long id,
      long userId,
      String address,
      String imapHost,
      int imapPort,
      String imapSecurity,
      String smtpHost,
      int smtpPort,
      String smtpSecurity,
      String username,
      String sentFolder,
      Instant lastCheckedAt,
      String lastError,
      Instant lastErrorAt,
      Instant createdAt) {}

  private final MailStore store;
  private final PasswordCipher cipher;
  private final OutboundHosts hosts;
  private final MailImport imports;
  private final MailFiling filing;
  private final MailSending sending;
  private final Actors actors;
  private final Persons persons;
  private final PersonEmails emails;
  private final RecordAccess records;
  private final Clock clock = Clock.systemUTC();

  Mailboxes(
      MailStore store,
      PasswordCipher cipher,
      OutboundHosts hosts,
      MailImport imports,
      MailFiling filing,
      MailSending sending,
      Actors actors,
      Persons persons,
      PersonEmails emails,
      RecordAccess records) {
    this.store = store;
    this.cipher = cipher;
    this.hosts = hosts;
    this.imports = imports;
    this.filing = filing;
    this.sending = sending;
    this.actors = actors;
    this.persons = persons;
    this.emails = emails;
    this.records = records;
  }

  static View view(Mailbox m) {
    return new View(
        m.id(),
        m.userId(),
        m.address(),
        m.imapHost(),
        m.imapPort(),
        m.imapSecurity().name().toLowerCase(Locale.ROOT),
        m.smtpHost(),
        m.smtpPort(),
        m.smtpSecurity().name().toLowerCase(Locale.ROOT),
        m.username(),
        m.sentFolder(),
        m.lastCheckedAt(),
        m.lastError(),
        m.lastErrorAt(),
        m.createdAt());
  }

  /** The current user's mailboxes; every mailbox for an admin. */
  List<Mailbox> visible() {
    Actor a = actors.current();
    if (a.isAdmin()) {
      return store.all();
    }
    return a.userId() == null ? List.of() : store.forUser(a.userId());
  }

  /** The current user's own mailboxes (the ones they send from). */
  List<Mailbox> own() {
    Long me = actors.current().userId();
    return me == null ? List.of() : store.forUser(me);
  }

  Mailbox get(long id) {
    Actor a = actors.current();
    return store
        .find(id)
        .filter(m -> a.isAdmin() || (a.userId() != null && a.userId() == m.userId()))
        .orElseThrow(() -> new NotFoundException("mailbox", id));
  }

  boolean ready() {
    return cipher.ready();
  }

  String keyProblem() {
    return cipher.problem();
  }

  /** Connects a mailbox for the current user after checking every field and both hosts. */
  Mailbox connect(Form f) {
    Long me = actors.current().userId();
    if (me == null) {
      throw InvalidInputException.of("user", "only a signed-in user can connect a mailbox");
    }
    if (!cipher.ready()) {
      throw InvalidInputException.of(
          "password", "cannot be stored safely: " + cipher.problem() + "; ask an admin to set it");
    }
    List<FieldError> errors = new ArrayList<>();
    String address = email(errors, "address", f.address());
    String imapHost = required(errors, "imapHost", f.imapHost(), 253);
    String smtpHost = required(errors, "smtpHost", f.smtpHost(), 253);
    int imapPort = port(errors, "imapPort", f.imapPort());
    int smtpPort = port(errors, "smtpPort", f.smtpPort());
    Mailbox.Security imapSec = security(errors, "imapSecurity", f.imapSecurity());
    Mailbox.Security smtpSec = security(errors, "smtpSecurity", f.smtpSecurity());
    String username = required(errors, "username", f.username(), 254);
    String password = f.password();
    if (password == null || password.isEmpty()) {
      errors.add(new FieldError("password", "is required"));
    } else if (password.length() > 500) {
      errors.add(new FieldError("password", "is longer than 500 characters"));
    }
    String sent =
        f.sentFolder() == null || f.sentFolder().isBlank() ? null : f.sentFolder().strip();
    if (sent != null && (sent.length() > 200 || sent.chars().anyMatch(Character::isISOControl))) {
      errors.add(new FieldError("sentFolder", "must be a folder name of at most 200 characters"));
    }
    if (imapHost != null && imapPort > 0) {
      guard(errors, "imapHost", imapHost, imapPort);
    }
    if (smtpHost != null && smtpPort > 0) {
      guard(errors, "smtpHost", smtpHost, smtpPort);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Instant now = clock.instant();
    long id =
        store.insert(
            new Mailbox(
                0,
                me,
                address,
                imapHost,
                imapPort,
                imapSec,
                smtpHost,
                smtpPort,
                smtpSec,
                username,
                cipher.encrypt(password),
                sent,
                null,
                null,
                null,
                now),
            now);
    return store.find(id).orElseThrow();
  }

  void disconnect(long id) {
    store.delete(get(id).id());
  }

  MailImport.Result check(long id) {
    return imports.check(get(id).id());
  }

  List<MailStore.UnknownSender> unknownSenders(long id) {
    return store.unknownSenders(get(id).id(), 200);
  }

  /** Adds an unknown sender as a person owned by the current user and files their messages. */
  PersonId addSender(long mailboxId, String address, String name) {
    Mailbox m = get(mailboxId);
    List<FieldError> errors = new ArrayList<>();
    String a = email(errors, "address", address);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    var waiting =
        store.unknownSenders(m.id(), Integer.MAX_VALUE).stream()
            .filter(s -> s.address().equals(a))
            .findFirst()
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "address", "is not an unknown sender of this mailbox"));
    String display = name == null || name.isBlank() ? waiting.name() : name;
    PersonId person = emails.createWithEmail(a, display);
    filing.fileSender(m, a, person);
    return person;
  }

  /** Sends from the current user's mailbox (the one named, or their first) to a person. */
  MailStore.Outbound send(
      Long mailboxId, PersonId person, String subject, String body, String inReplyTo) {
    records.requireChangeablePerson(person);
    List<FieldError> errors = new ArrayList<>();
    Mailbox m = null;
    if (mailboxId != null) {
      m = get(mailboxId);
      Long me = actors.current().userId();
      if (me == null || m.userId() != me) {
        errors.add(new FieldError("mailboxId", "you can send only from your own mailbox"));
      }
    } else {
      List<Mailbox> mine = own();
      if (mine.isEmpty()) {
        errors.add(
            new FieldError("mailboxId", "connect a mailbox first (Settings, Mail) to send email"));
      } else {
        m = mine.get(0);
      }
    }
    PersonSummary p =
        persons.find(person).orElseThrow(() -> new NotFoundException("person", person));
    if (p.email() == null) {
      errors.add(new FieldError("person", "has no email address"));
    }
    String s = subject == null ? "" : subject.strip();
    if (s.isEmpty()) {
      errors.add(new FieldError("subject", "is required"));
    } else if (s.length() > SUBJECT_MAX || s.chars().anyMatch(Character::isISOControl)) {
      errors.add(
          new FieldError("subject", "must be one line of at most " + SUBJECT_MAX + " characters"));
    }
    String b = body == null ? "" : body.replace("\r\n", "\n");
    if (b.isBlank()) {
      errors.add(new FieldError("body", "is required"));
    } else if (b.length() > BODY_MAX) {
      errors.add(new FieldError("body", "is longer than " + BODY_MAX + " characters"));
    }
    String reply = inReplyTo == null || inReplyTo.isBlank() ? null : MailImport.firstId(inReplyTo);
    if (inReplyTo != null && !inReplyTo.isBlank() && reply == null) {
      errors.add(new FieldError("inReplyTo", "must be a Message-ID such as <id@host>"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return sending.send(m, person, p.email(), s, b, reply, actors.current().userId());
  }

  List<MailStore.Outbound> outbox(long mailboxId) {
    return store.outboundOf(get(mailboxId).id(), 100);
  }

  MailStore.Outbound retry(long mailboxId, long outboundId) {
    Mailbox m = get(mailboxId);
    MailStore.Outbound o =
        store
            .outbound(outboundId)
            .filter(x -> x.mailboxId() == m.id())
            .orElseThrow(() -> new NotFoundException("outgoing message", outboundId));
    records.requireChangeablePerson(new PersonId(o.personId()));
    return sending.deliver(m, o);
  }

  private void guard(List<FieldError> errors, String field, String host, int port) {
    try {
      hosts.check(field, host, port);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
  }

  private static String email(List<FieldError> errors, String field, String value) {
    String v = value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    if (v == null || v.isEmpty()) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
      errors.add(new FieldError(field, "is not an email address"));
      return null;
    }
    return v;
  }

  private static String required(List<FieldError> errors, String field, String value, int max) {
    String v = value == null ? null : value.strip();
    if (v == null || v.isEmpty()) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (v.length() > max || v.chars().anyMatch(c -> Character.isISOControl(c) || c == ' ')) {
      errors.add(new FieldError(field, "must be at most " + max + " characters without spaces"));
      return null;
    }
    return v;
  }

  private static int port(List<FieldError> errors, String field, Integer port) {
    if (port == null) {
      errors.add(new FieldError(field, "is required"));
      return -1;
    }
    if (port < 1 || port > 65535) {
      errors.add(new FieldError(field, "must be between 1 and 65535"));
      return -1;
    }
    return port;
  }

  private static Mailbox.Security security(List<FieldError> errors, String field, String v) {
    if (v == null || v.isBlank()) {
      return Mailbox.Security.TLS;
    }
    try {
      return Mailbox.Security.valueOf(v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "must be one of tls, starttls, none"));
      return Mailbox.Security.TLS;
    }
  }
}
