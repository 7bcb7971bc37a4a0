package dev.rapport.sales.touch;

import dev.rapport.access.Actors;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.sales.KeepInTouch;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Keep-in-touch pages: the signed-in owner's touches due today and overdue, a person's panel
 * (cadence, last touch, snooze with its history) and the stage cadences in Settings.
 */
@Controller
class TouchPageController {

  private final Cadences cadences;
  private final TouchPanel panels;
  private final TouchStore store;
  private final KeepInTouch keepInTouch;
  private final RecordAccess records;
  private final Actors actors;
  private final Lifecycle lifecycle;
  private final Clock clock = Clock.systemUTC();

  TouchPageController(
      Cadences cadences,
      TouchPanel panels,
      TouchStore store,
      KeepInTouch keepInTouch,
      RecordAccess records,
      Actors actors,
      Lifecycle lifecycle) {
    this.cadences = cadences;
    this.panels = panels;
    this.store = store;
    this.keepInTouch = keepInTouch;
    this.records = records;
    this.actors = actors;
    this.lifecycle = lifecycle;
  }

  /** A person missing or hidden from the user: the same 404 as for the person's page. */
  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  @GetMapping("/touch")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  String due(Model model) {
    Long me = actors.current().userId();
    Instant now = clock.instant();
    model.addAttribute("due", me == null ? List.of() : keepInTouch.due(me, now, 200));
    return "sales/touch/due";
  }

  @GetMapping("/touch/persons/{id}/panel")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  String panel(@PathVariable long id, Model model) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    return panel(person, model, null, null);
  }

  @PostMapping("/touch/persons/{id}/cadence")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String cadence(
      @PathVariable long id, @RequestParam(required = false) String everyDays, Model model) {
    PersonId person = new PersonId(id);
    records.requireChangeablePerson(person);
    try {
      cadences.setCadence(person, days("everyDays", everyDays, false));
      return panel(person, model, "Cadence saved.", null);
    } catch (InvalidInputException e) {
      return panel(person, model, null, e.getMessage());
    }
  }

  @PostMapping("/touch/persons/{id}/snooze")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String snooze(
      @PathVariable long id,
      @RequestParam(required = false) String days,
      @RequestParam(required = false) String reason,
      Model model) {
    PersonId person = new PersonId(id);
    records.requireChangeablePerson(person);
    try {
      cadences.snooze(person, days("days", days, true), reason);
      return panel(person, model, "Snoozed.", null);
    } catch (InvalidInputException e) {
      return panel(person, model, null, e.getMessage());
    }
  }

  private String panel(PersonId person, Model model, String message, String error) {
    model.addAttribute("touch", panels.view(person, clock.instant()));
    model.addAttribute("message", message);
    model.addAttribute("error", error);
    return "sales/touch/panel";
  }

  @GetMapping("/settings/touch")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  String settings(Model model) {
    return settings(model, null, null);
  }

  @PostMapping("/settings/touch")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  String saveSettings(@RequestParam MultiValueMap<String, String> form, Model model) {
    try {
      for (var stage : lifecycle.activeModel().stages()) {
        String field = "days-" + stage.id();
        if (form.containsKey(field)) {
          cadences.setStageCadence(stage.id(), days(field, form.getFirst(field), false));
        }
      }
      return settings(model, "Saved.", null);
    } catch (InvalidInputException e) {
      return settings(model, null, e.getMessage());
    }
  }

  private String settings(Model model, String message, String error) {
    model.addAttribute("stages", lifecycle.activeModel().stages());
    Map<Long, Integer> cadencesByStage = store.stageCadences();
    model.addAttribute("cadences", cadencesByStage);
    model.addAttribute("message", message);
    model.addAttribute("error", error);
    return "sales/touch/settings";
  }

  static Integer days(String field, String raw, boolean required) {
    if (raw == null || raw.isBlank()) {
      if (required) {
        throw InvalidInputException.of(field, "is required");
      }
      return null;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, "give a whole number of days");
    }
  }
}
