package dev.rapport.sales.leads;

import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.sales.LeadRow;
import dev.rapport.sales.LeadScore;
import dev.rapport.sales.Leads;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lead pages: the list of leads (by score or by recent intent), a person's score panel that the
 * person page loads with htmx, and the scoring settings.
 */
@Controller
class LeadPageController {

  /** The list shows the top 200 by the chosen order (no paging yet). */
  static final int LIST_SIZE = 200;

  private final Leads leads;
  private final LeadScoring scoring;
  private final LeadSettings settings;
  private final RecordAccess records;
  private final Users users;

  LeadPageController(
      Leads leads, LeadScoring scoring, LeadSettings settings, RecordAccess records, Users users) {
    this.leads = leads;
    this.scoring = scoring;
    this.settings = settings;
    this.records = records;
    this.users = users;
  }

  /** A person missing or hidden from the user: the same 404 as for the person's page. */
  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  @GetMapping("/leads")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  String list(@RequestParam(defaultValue = "score") String sort, Model model) {
    Leads.Sort by;
    try {
      by = LeadApiController.sort(sort);
    } catch (InvalidInputException e) {
      by = Leads.Sort.SCORE;
      model.addAttribute("error", "Sort by score or by intent; showing by score.");
    }
    List<LeadRow> rows = leads.list(by, LIST_SIZE);
    model.addAttribute("rows", rows);
    model.addAttribute("sort", by.name().toLowerCase(java.util.Locale.ROOT));
    model.addAttribute("ownerNames", ownerNames(rows));
    return "sales/leads/list";
  }

  Map<Long, String> ownerNames(List<LeadRow> rows) {
    Map<Long, String> names = new HashMap<>();
    rows.stream()
        .map(LeadRow::ownerUserId)
        .filter(Objects::nonNull)
        .distinct()
        .forEach(id -> users.find(id).map(User::displayName).ifPresent(n -> names.put(id, n)));
    return names;
  }

  @GetMapping("/leads/persons/{id}/panel")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  String panel(@PathVariable long id, Model model) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    return panel(person, model, null);
  }

  @PostMapping("/leads/persons/{id}/panel")
  @PreAuthorize("@access.allows('LIFECYCLE_WRITE')")
  String rescore(@PathVariable long id, Model model) {
    PersonId person = new PersonId(id);
    records.requireChangeablePerson(person);
    leads.rescore(person, "recomputed by hand");
    return panel(person, model, "Score recomputed.");
  }

  private String panel(PersonId person, Model model, String message) {
    var stored = leads.score(person);
    LeadScore score =
        stored.orElseGet(
            () ->
                scoring
                    .compute(person, Clock.systemUTC().instant().truncatedTo(ChronoUnit.HOURS))
                    .orElseThrow(() -> new NotFoundException("person", person.value())));
    model.addAttribute("personId", person.value());
    model.addAttribute("score", score);
    model.addAttribute("stored", stored.isPresent());
    model.addAttribute("history", leads.history(person, 10));
    model.addAttribute("message", message);
    return "sales/leads/panel";
  }

  @GetMapping("/settings/leads")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  String settings(Model model) {
    model.addAttribute("settings", settings.view());
    return "sales/leads/settings";
  }

  @PostMapping("/settings/leads")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  String save(@RequestParam MultiValueMap<String, String> form, Model model) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    int engagement = number(form, "engagementHalfLifeDays", errors);
    int intent = number(form, "intentHalfLifeDays", errors);
    List<LeadSettings.ThresholdView> thresholds = new ArrayList<>();
    for (LeadSettings.ThresholdView t : settings.view().thresholds()) {
      String field = "min-" + t.stageId();
      String raw = form.getFirst(field);
      if (raw == null) {
        if (t.minScore() != null) {
          thresholds.add(t); // a stage the form left out keeps its threshold
        }
      } else if (!raw.isBlank()) {
        thresholds.add(
            new LeadSettings.ThresholdView(
                t.stageId(), t.stageName(), t.position(), number(form, field, errors)));
      }
    }
    try {
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors);
      }
      model.addAttribute(
          "settings", settings.save(new LeadSettings.View(engagement, intent, thresholds)));
      model.addAttribute("message", "Saved. Scores use the new settings from their next change.");
    } catch (InvalidInputException e) {
      model.addAttribute("settings", settings.view());
      model.addAttribute("errors", e.errors());
    }
    return "sales/leads/settings";
  }

  private static int number(
      MultiValueMap<String, String> form,
      String field,
      List<InvalidInputException.FieldError> errors) {
    String raw = form.getFirst(field);
    try {
      return Integer.parseInt(raw == null ? "" : raw.strip());
    } catch (NumberFormatException e) {
      errors.add(new InvalidInputException.FieldError(field, "give a whole number"));
      return 0;
    }
  }
}
