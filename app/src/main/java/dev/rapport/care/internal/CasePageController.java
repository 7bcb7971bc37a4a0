package dev.rapport.care.internal;

import dev.rapport.listening.MentionDetails;
import dev.rapport.listening.MentionReplies;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the queue (views, spike banner, soonest due first) and one case (its posts,
 * facts, SLA, history, and the work as plain forms that answer with a redirect and a message or the
 * refusal naming the field); and the care panels on a person's and an account's page.
 */
@Controller
class CasePageController {

  private final CaseQueries queries;
  private final CaseViews views;
  private final CaseStore store;
  private final CaseWork work;
  private final SpikeAlerts alerts;
  private final MentionDetails mentions;
  private final CaseApiController api;
  private final RecordAccess records;

  CasePageController(
      CaseQueries queries,
      CaseViews views,
      CaseStore store,
      CaseWork work,
      SpikeAlerts alerts,
      MentionDetails mentions,
      CaseApiController api,
      RecordAccess records) {
    this.queries = queries;
    this.views = views;
    this.store = store;
    this.work = work;
    this.alerts = alerts;
    this.mentions = mentions;
    this.api = api;
    this.records = records;
  }

  @GetMapping("/cases")
  @PreAuthorize("@access.allows('CASES_READ')")
  String cases(
      @RequestParam(required = false) String view,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    CaseQueries.View v;
    try {
      v = CaseQueries.View.parse(view);
    } catch (InvalidInputException e) {
      v = CaseQueries.View.OPEN;
      model.addAttribute("error", e.getMessage());
    }
    CaseQueries.Page p = queries.page(v, Math.max(0, page), 50);
    model.addAttribute("view", v.key());
    model.addAttribute(
        "views", Arrays.stream(CaseQueries.View.values()).map(CaseQueries.View::key).toList());
    model.addAttribute("cases", views.views(p.items()));
    model.addAttribute("total", p.total());
    model.addAttribute("page", p.page());
    model.addAttribute("hasNext", (long) (p.page() + 1) * p.size() < p.total());
    model.addAttribute("alerts", alerts.recent(Instant.now().minus(Duration.ofDays(1)), 5));
    return "care/cases";
  }

  @GetMapping("/cases/{id}")
  @PreAuthorize("@access.allows('CASES_READ')")
  String detail(@PathVariable long id, Model model) {
    CareCase c = queries.get(id);
    List<Long> ids = store.mentions(id);
    var cards = mentions.cards(ids);
    model.addAttribute("cs", views.view(c));
    model.addAttribute("cards", ids.stream().map(cards::get).filter(x -> x != null).toList());
    model.addAttribute("history", store.events(id));
    model.addAttribute("users", views.assignable());
    model.addAttribute(
        "statuses",
        Arrays.stream(CaseStatus.values())
            .filter(CaseStatus::isOpen)
            .map(CaseStatus::key)
            .toList());
    return "care/case";
  }

  @PostMapping("/cases/{id}/assign")
  @PreAuthorize("@access.allows('CASES_WRITE')")
  String assign(
      @PathVariable long id,
      @RequestParam(required = false) Long userId,
      RedirectAttributes flash) {
    return act(
        id,
        flash,
        () -> {
          work.assign(id, userId);
          return "Case #" + id + " assigned.";
        });
  }

  @PostMapping("/cases/{id}/reply")
  @PreAuthorize("@access.allows('CASES_WRITE')")
  String reply(
      @PathVariable long id,
      @RequestParam(required = false) String text,
      RedirectAttributes flash) {
    return act(
        id,
        flash,
        () -> {
          CaseWork.Replied r = work.reply(id, text);
          return r.how().equals("recorded")
              ? "Reply recorded on case #" + id + "; it now waits on the customer."
              : "Replied on " + r.how() + "; the case now waits on the customer.";
        });
  }

  @PostMapping("/cases/{id}/status")
  @PreAuthorize("@access.allows('CASES_WRITE')")
  String status(
      @PathVariable long id,
      @RequestParam(required = false) String status,
      RedirectAttributes flash) {
    return act(
        id,
        flash,
        () ->
            "Case #"
                + id
                + " is now "
                + work.status(id, status).status().label().toLowerCase(java.util.Locale.ROOT)
                + ".");
  }

  @PostMapping("/cases/{id}/close")
  @PreAuthorize("@access.allows('CASES_WRITE')")
  String close(
      @PathVariable long id,
      @RequestParam(required = false) String outcome,
      RedirectAttributes flash) {
    return act(
        id,
        flash,
        () -> {
          CareCase c = work.close(id, outcome);
          return "Case #"
              + id
              + " closed: "
              + c.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ".";
        });
  }

  @GetMapping("/care/persons/{id}/panel")
  @PreAuthorize("@access.allows('CASES_READ')")
  String personPanel(@PathVariable long id, Model model) {
    records.requireVisiblePerson(new PersonId(id));
    model.addAttribute("care", api.summary("person_id", id));
    model.addAttribute("subject", "person");
    return "care/panel";
  }

  @GetMapping("/care/accounts/{id}/panel")
  @PreAuthorize("@access.allows('CASES_READ')")
  String accountPanel(@PathVariable long id, Model model) {
    records.requireVisibleAccount(new AccountId(id));
    model.addAttribute("care", api.summary("account_id", id));
    model.addAttribute("subject", "account");
    return "care/panel";
  }

  /** A case (or a person, an account) missing or hidden from the user: a 404 page. */
  @org.springframework.web.bind.annotation.ExceptionHandler(
      dev.rapport.shared.NotFoundException.class)
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.NOT_FOUND)
  String notFound(dev.rapport.shared.NotFoundException e, Model model) {
    model.addAttribute("what", e.getMessage());
    return "care/not-found";
  }

  private String act(long id, RedirectAttributes flash, Supplier<String> action) {
    queries.get(id);
    try {
      flash.addFlashAttribute("message", action.get());
    } catch (InvalidInputException | CaseLocked | MentionReplies.ReplyFailed e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/cases/" + id;
  }
}
