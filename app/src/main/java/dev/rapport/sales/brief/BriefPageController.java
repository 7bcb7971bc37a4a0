package dev.rapport.sales.brief;

import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.NotFoundException;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pre-call brief: a printable page of its own and the same brief, shorter, as a panel the
 * person page loads with htmx. Both ask the person's visibility first.
 */
@Controller
class BriefPageController {

  private final BriefBuilder briefs;
  private final RecordAccess records;
  private final Clock clock = Clock.systemUTC();

  BriefPageController(BriefBuilder briefs, RecordAccess records) {
    this.briefs = briefs;
    this.records = records;
  }

  /** A person missing or hidden from the user: the same 404 as for the person's page. */
  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  @GetMapping("/brief/persons/{id}")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String page(@PathVariable long id, Model model) {
    brief(id, model);
    return "sales/brief/page";
  }

  @GetMapping("/brief/persons/{id}/panel")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String panel(@PathVariable long id, Model model) {
    brief(id, model);
    return "sales/brief/panel";
  }

  private void brief(long id, Model model) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    model.addAttribute("brief", briefs.build(person, clock.instant()));
    // INBOX SLOT: the inbox (branch inbox) adds the person's open items here as "inboxItems";
    // the templates show that section only when the attribute is present.
  }
}
