package dev.rapport.sales.mail;

import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.JsonBody;
import dev.rapport.shared.Problems;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Mailboxes over the API: connect (the password goes in and never comes out), check now, unknown
 * senders and adding one as a person, sending to a person, the outbox and retrying a failed send;
 * and a person's email messages with their threads.
 */
@RestController
@Tag(name = "Mail")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class MailApiController {

  /** What a check did. */
  record CheckJson(long mailbox, int read, int filed, String error) {}

  /** One message of a person's mail. */
  record MessageJson(
      long id,
      String messageId,
      String thread,
      String inReplyTo,
      String direction,
      String subject,
      String excerpt,
      String from,
      Instant occurredAt) {}

  /** One outgoing message; the body is the user's own text. */
  record OutboundJson(
      long id,
      long mailbox,
      long person,
      String to,
      String subject,
      String body,
      String messageId,
      String status,
      String error,
      Instant createdAt,
      Instant sentAt) {}

  private final Mailboxes mailboxes;
  private final MailStore store;
  private final RecordAccess records;
  private final ObjectMapper json;

  MailApiController(Mailboxes mailboxes, MailStore store, RecordAccess records, ObjectMapper json) {
    this.mailboxes = mailboxes;
    this.store = store;
    this.records = records;
    this.json = json;
  }

  @GetMapping("/mailboxes")
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  List<Mailboxes.View> list() {
    return mailboxes.visible().stream().map(Mailboxes::view).toList();
  }

  @PostMapping(path = "/mailboxes", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  ResponseEntity<Mailboxes.View> connect(@RequestBody(required = false) String body) {
    JsonBody in =
        JsonBody.parse(
            json,
            body,
            Set.of(
                "address",
                "imapHost",
                "imapPort",
                "imapSecurity",
                "smtpHost",
                "smtpPort",
                "smtpSecurity",
                "username",
                "password",
                "sentFolder"));
    Mailboxes.Form form =
        new Mailboxes.Form(
            in.text("address", false),
            in.text("imapHost", false),
            port(in.id("imapPort")),
            in.text("imapSecurity", false),
            in.text("smtpHost", false),
            port(in.id("smtpPort")),
            in.text("smtpSecurity", false),
            in.text("username", false),
            in.text("password", false),
            in.text("sentFolder", false));
    in.throwIfInvalid();
    return ResponseEntity.status(HttpStatus.CREATED).body(Mailboxes.view(mailboxes.connect(form)));
  }

  private static Integer port(Long p) {
    return p == null ? null : (int) Math.max(-1, Math.min(p, 70_000));
  }

  @GetMapping("/mailboxes/{id}")
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  Mailboxes.View get(@PathVariable long id) {
    return Mailboxes.view(mailboxes.get(id));
  }

  @DeleteMapping("/mailboxes/{id}")
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  ResponseEntity<Void> disconnect(@PathVariable long id) {
    mailboxes.disconnect(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/mailboxes/{id}/check")
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  CheckJson check(@PathVariable long id) {
    MailImport.Result r = mailboxes.check(id);
    return new CheckJson(r.mailbox(), r.read(), r.filed(), r.error());
  }

  @GetMapping("/mailboxes/{id}/unknown-senders")
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  List<MailStore.UnknownSender> unknownSenders(@PathVariable long id) {
    return mailboxes.unknownSenders(id);
  }

  /** Adds an unknown sender as a person (owned by the caller); answers the person's id. */
  @PostMapping(
      path = "/mailboxes/{id}/unknown-senders",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('MAIL_CONNECT') and @access.allows('PEOPLE_WRITE')")
  ResponseEntity<java.util.Map<String, Object>> addSender(
      @PathVariable long id, @RequestBody(required = false) String body) {
    JsonBody in = JsonBody.parse(json, body, Set.of("address", "name"));
    String address = in.text("address", true, 254);
    String name = in.text("name", false, 200);
    in.throwIfInvalid();
    PersonId person = mailboxes.addSender(id, address, name);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(java.util.Map.of("person", person.value(), "address", address));
  }

  @GetMapping("/mailboxes/{id}/outbox")
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  List<OutboundJson> outbox(@PathVariable long id) {
    return mailboxes.outbox(id).stream().map(MailApiController::json).toList();
  }

  /** Sends to a person from the caller's mailbox; a refusal keeps the message (502, its id). */
  @PostMapping(path = "/mailboxes/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('MAIL_CONNECT') and @access.allows('TIMELINE_WRITE')")
  ResponseEntity<OutboundJson> send(
      @PathVariable long id, @RequestBody(required = false) String body) {
    JsonBody in = JsonBody.parse(json, body, Set.of("person", "subject", "body", "inReplyTo"));
    Long person = in.id("person", true);
    String subject = in.text("subject", true);
    String text = in.text("body", true);
    String inReplyTo = in.text("inReplyTo", false);
    if (person != null && person <= 0) {
      in.error("person", "must be a person id");
    }
    in.throwIfInvalid();
    MailStore.Outbound o = mailboxes.send(id, new PersonId(person), subject, text, inReplyTo);
    return ResponseEntity.status(HttpStatus.CREATED).body(json(o));
  }

  @PostMapping("/mailboxes/{id}/outbox/{outbound}/retry")
  @PreAuthorize("@access.allows('MAIL_CONNECT') and @access.allows('TIMELINE_WRITE')")
  OutboundJson retry(@PathVariable long id, @PathVariable long outbound) {
    return json(mailboxes.retry(id, outbound));
  }

  /** The email messages filed on a person's timeline, newest first, with their thread. */
  @GetMapping("/persons/{id}/emails")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  List<MessageJson> personEmails(@PathVariable long id) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    return store.forPerson(person, 200).stream()
        .map(
            m ->
                new MessageJson(
                    m.id(),
                    m.messageId(),
                    m.threadKey(),
                    m.inReplyTo(),
                    m.direction(),
                    m.subject(),
                    m.excerpt(),
                    m.fromAddress(),
                    m.occurredAt()))
        .toList();
  }

  @ExceptionHandler(MailSending.SendFailed.class)
  ResponseEntity<ProblemDetail> sendFailed(MailSending.SendFailed e) {
    ProblemDetail p =
        Problems.of(
            HttpStatus.BAD_GATEWAY, "mail-send-failed", "The mail server refused", e.getMessage());
    p.setProperty("outbound", e.outbound());
    return Problems.response(p);
  }

  static OutboundJson json(MailStore.Outbound o) {
    return new OutboundJson(
        o.id(),
        o.mailboxId(),
        o.personId(),
        o.toAddress(),
        o.subject(),
        o.body(),
        o.messageId(),
        o.status(),
        o.error(),
        o.createdAt(),
        o.sentAt());
  }
}
