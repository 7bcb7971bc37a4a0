package dev.rapport.advocacy.internal;

import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Asks over JSON: ask an advocate for a review, a referral or a quote, and record the outcome. */
@RestController
@Tag(name = "Advocacy")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AskApiController {

  record AskBody(String kind, String note) {}

  record OutcomeBody(String outcome, String note) {}

  private final Asks asks;
  private final RecordAccess records;

  AskApiController(Asks asks, RecordAccess records) {
    this.asks = asks;
    this.records = records;
  }

  @GetMapping("/asks")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  AdvocacyViews.PageView<Asks.Ask> list(
      @RequestParam(defaultValue = "false") boolean open,
      @RequestParam(defaultValue = "100") int size) {
    AdvocateApiController.paging(0, size);
    List<Asks.Ask> items = asks.list(null, open, size);
    return new AdvocacyViews.PageView<>(items, 0, size, items.size());
  }

  @PostMapping("/persons/{id}/asks")
  @PreAuthorize("@access.allows('ADVOCACY_WRITE')")
  @ResponseStatus(HttpStatus.CREATED)
  Asks.Ask ask(@PathVariable long id, @RequestBody(required = false) AskBody body) {
    PersonId person = new PersonId(id);
    records.requireChangeablePerson(person);
    return asks.ask(person, body == null ? null : body.kind(), body == null ? null : body.note());
  }

  @PostMapping("/asks/{id}/outcome")
  @PreAuthorize("@access.allows('ADVOCACY_WRITE')")
  Asks.Ask outcome(@PathVariable long id, @RequestBody(required = false) OutcomeBody body) {
    Asks.Ask ask = asks.find(id).orElseThrow(() -> new NotFoundException("ask", id));
    records.requireChangeablePerson(new PersonId(ask.person()));
    return asks.outcome(
        id, body == null ? null : body.outcome(), body == null ? null : body.note());
  }
}
