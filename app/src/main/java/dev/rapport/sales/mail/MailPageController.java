package dev.rapport.sales.mail;

import dev.rapport.access.Actors;
import dev.rapport.access.UserNames;
import dev.rapport.people.PersonId;
import dev.rapport.people.Persons;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mail pages: Settings › Mail (the user's mailboxes with their last check and error, the connect
 * form, check now, unknown senders with "add as person", and the outbox with retry), and a person's
 * email panel (their messages by thread and a compose form).
 */
@Controller
class MailPageController {

  private final Mailboxes mailboxes;
  private final MailStore store;
  private final Persons persons;
  private final RecordAccess records;
  private final Actors actors;
  private final UserNames names;

  MailPageController(
      Mailboxes mailboxes,
      MailStore store,
      Persons persons,
      RecordAccess records,
      Actors actors,
      UserNames names) {
    this.mailboxes = mailboxes;
    this.store = store;
    this.persons = persons;
    this.records = records;
    this.actors = actors;
    this.names = names;
  }

  /** A person missing or hidden from the user: the same 404 as for the person's page. */
  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  /** One mailbox on the settings page, with its waiting senders and outgoing mail. */
  record Row(
      Mailboxes.View box,
      String ownerName,
      boolean mine,
      List<MailStore.UnknownSender> unknown,
      List<MailStore.Outbound> outbox) {}

  @GetMapping("/settings/mail")
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  String settings(Model model) {
    return settings(model, null, null, null);
  }

  private String settings(Model model, Mailboxes.Form form, String message, String error) {
    Long me = actors.current().userId();
    List<Row> rows =
        mailboxes.visible().stream()
            .map(
                m ->
                    new Row(
                        Mailboxes.view(m),
                        names.byId(m.userId(), null).name(),
                        me != null && me == m.userId(),
                        store.unknownSenders(m.id(), 50),
                        store.outboundOf(m.id(), 20)))
            .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("ready", mailboxes.ready());
    model.addAttribute("keyProblem", mailboxes.keyProblem());
    model.addAttribute(
        "form",
        form != null
            ? form
            : new Mailboxes.Form(null, null, 993, "tls", null, 587, "starttls", null, null, null));
    if (message != null) {
      model.addAttribute("message", message);
    }
    if (error != null) {
      model.addAttribute("error", error);
    }
    return "sales/mail/settings";
  }

  @PostMapping("/settings/mail")
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  String connect(
      @RequestParam(required = false) String address,
      @RequestParam(required = false) String imapHost,
      @RequestParam(required = false) String imapPort,
      @RequestParam(required = false) String imapSecurity,
      @RequestParam(required = false) String smtpHost,
      @RequestParam(required = false) String smtpPort,
      @RequestParam(required = false) String smtpSecurity,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String sentFolder,
      Model model) {
    Mailboxes.Form form =
        new Mailboxes.Form(
            address,
            imapHost,
            number(imapPort),
            imapSecurity,
            smtpHost,
            number(smtpPort),
            smtpSecurity,
            username,
            password,
            sentFolder);
    try {
      Mailbox m = mailboxes.connect(form);
      return settings(
          model, null, "Connected " + m.address() + ". Use Check now to read it.", null);
    } catch (InvalidInputException e) {
      // the form comes back as typed, except the password
      Mailboxes.Form kept =
          new Mailboxes.Form(
              address,
              imapHost,
              form.imapPort(),
              imapSecurity,
              smtpHost,
              form.smtpPort(),
              smtpSecurity,
              username,
              null,
              sentFolder);
      model.addAttribute("fieldErrors", fieldErrors(e));
      return settings(model, kept, null, e.getMessage());
    }
  }

  @PostMapping("/settings/mail/{id}/check")
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  String check(@PathVariable long id, RedirectAttributes flash) {
    MailImport.Result r = mailboxes.check(id);
    if (r.ok()) {
      flash.addFlashAttribute(
          "message", "Checked: " + r.read() + " new messages read, " + r.filed() + " filed.");
    } else {
      flash.addFlashAttribute("error", "The check failed: " + r.error());
    }
    return "redirect:/settings/mail";
  }

  @PostMapping("/settings/mail/{id}/delete")
  @PreAuthorize("@access.allows('MAIL_CONNECT')")
  String disconnect(@PathVariable long id, RedirectAttributes flash) {
    mailboxes.disconnect(id);
    flash.addFlashAttribute("message", "Disconnected. Email already on timelines stays there.");
    return "redirect:/settings/mail";
  }

  @PostMapping("/settings/mail/{id}/senders")
  @PreAuthorize("@access.allows('MAIL_CONNECT') and @access.allows('PEOPLE_WRITE')")
  String addSender(
      @PathVariable long id,
      @RequestParam(required = false) String address,
      @RequestParam(required = false) String name,
      RedirectAttributes flash) {
    try {
      PersonId person = mailboxes.addSender(id, address, name);
      return "redirect:/persons/" + person.value();
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
      return "redirect:/settings/mail";
    }
  }

  @PostMapping("/settings/mail/{id}/outbox/{outbound}/retry")
  @PreAuthorize("@access.allows('MAIL_CONNECT') and @access.allows('TIMELINE_WRITE')")
  String retry(@PathVariable long id, @PathVariable long outbound, RedirectAttributes flash) {
    try {
      mailboxes.retry(id, outbound);
      flash.addFlashAttribute("message", "Sent.");
    } catch (MailSending.SendFailed e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/settings/mail";
  }

  // ---- a person's email panel ----

  @GetMapping("/mail/persons/{id}/panel")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  String panel(@PathVariable long id, Model model) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    return panel(person, model, null, null, null, null);
  }

  @PostMapping("/mail/persons/{id}/send")
  @PreAuthorize("@access.allows('MAIL_CONNECT') and @access.allows('TIMELINE_WRITE')")
  String send(
      @PathVariable long id,
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String body,
      @RequestParam(required = false) String inReplyTo,
      Model model) {
    PersonId person = new PersonId(id);
    records.requireChangeablePerson(person);
    try {
      mailboxes.send(null, person, subject, body, inReplyTo);
      return panel(person, model, "Sent, and on the timeline.", null, null, null);
    } catch (InvalidInputException e) {
      return panel(person, model, null, e.getMessage(), subject, body);
    } catch (MailSending.SendFailed e) {
      return panel(person, model, null, e.getMessage(), subject, body);
    }
  }

  /** Messages grouped by thread, newest thread first. */
  private String panel(
      PersonId person, Model model, String message, String error, String subject, String body) {
    var p = persons.find(person).orElseThrow(() -> new NotFoundException("person", person));
    Map<String, List<MailStore.Message>> threads = new LinkedHashMap<>();
    for (MailStore.Message m : store.forPerson(person, 50)) {
      threads.computeIfAbsent(m.threadKey(), k -> new java.util.ArrayList<>()).add(m);
    }
    threads.values().forEach(java.util.Collections::reverse);
    model.addAttribute("person", p);
    model.addAttribute("threads", threads.values());
    model.addAttribute("canSend", !mailboxes.own().isEmpty() && p.email() != null);
    model.addAttribute("hasMailbox", !mailboxes.own().isEmpty());
    model.addAttribute("message", message);
    model.addAttribute("error", error);
    model.addAttribute("subject", subject);
    model.addAttribute("body", body);
    return "sales/mail/panel";
  }

  private static Map<String, String> fieldErrors(InvalidInputException e) {
    Map<String, String> out = new LinkedHashMap<>();
    e.errors().forEach(f -> out.putIfAbsent(f.field(), f.reason()));
    return out;
  }

  private static Integer number(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
