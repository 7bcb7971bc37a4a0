package dev.rapport.sales.touch;

import dev.rapport.access.Actors;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.sales.KeepInTouch;
import dev.rapport.sales.KeepInTouchDue;
import dev.rapport.shared.JsonBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Keep in touch over the API: what is due for me, a person's cadence and snoozes. */
@RestController
@Tag(name = "Keep in touch")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class TouchApiController {

  /** One due person as the API lists it. */
  record DueJson(
      long person,
      String name,
      int everyDays,
      Instant lastTouchAt,
      Instant dueAt,
      boolean overdue) {}

  private final Cadences cadences;
  private final TouchPanel panels;
  private final KeepInTouch keepInTouch;
  private final RecordAccess records;
  private final Actors actors;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  TouchApiController(
      Cadences cadences,
      TouchPanel panels,
      KeepInTouch keepInTouch,
      RecordAccess records,
      Actors actors,
      ObjectMapper json) {
    this.cadences = cadences;
    this.panels = panels;
    this.keepInTouch = keepInTouch;
    this.records = records;
    this.actors = actors;
    this.json = json;
  }

  @GetMapping("/touch/due")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  List<DueJson> due() {
    Long me = actors.current().userId();
    if (me == null) {
      return List.of();
    }
    return keepInTouch.due(me, clock.instant(), 500).stream()
        .map(TouchApiController::json)
        .toList();
  }

  private static DueJson json(KeepInTouchDue d) {
    return new DueJson(
        d.person().value(), d.name(), d.everyDays(), d.lastTouchAt(), d.dueAt(), d.overdue());
  }

  @GetMapping("/persons/{id}/cadence")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  TouchPanel.View cadence(@PathVariable long id) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    return panels.view(person, clock.instant());
  }

  @PutMapping(path = "/persons/{id}/cadence", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  TouchPanel.View setCadence(@PathVariable long id, @RequestBody(required = false) String body) {
    PersonId person = new PersonId(id);
    records.requireChangeablePerson(person);
    JsonBody in = JsonBody.parse(json, body, Set.of("everyDays"));
    Long days = in.id("everyDays");
    in.throwIfInvalid();
    cadences.setCadence(person, days == null ? null : (int) Math.min(days, Integer.MAX_VALUE));
    return panels.view(person, clock.instant());
  }

  @PostMapping(path = "/persons/{id}/snooze", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  TouchPanel.View snooze(@PathVariable long id, @RequestBody(required = false) String body) {
    PersonId person = new PersonId(id);
    records.requireChangeablePerson(person);
    JsonBody in = JsonBody.parse(json, body, Set.of("days", "reason"));
    Long days = in.id("days");
    String reason = in.text("reason", false);
    if (days == null) {
      in.error("days", "is required");
    }
    in.throwIfInvalid();
    cadences.snooze(person, (int) Math.min(days, Integer.MAX_VALUE), reason);
    return panels.view(person, clock.instant());
  }
}
