package dev.rapport.sales.brief;

import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The pre-call brief over JSON, for scripts and other clients: the same brief as the page. */
@RestController
@Tag(name = "Leads")
class BriefApiController {

  private final BriefBuilder briefs;
  private final RecordAccess records;
  private final Clock clock = Clock.systemUTC();

  BriefApiController(BriefBuilder briefs, RecordAccess records) {
    this.briefs = briefs;
    this.records = records;
  }

  @GetMapping(path = "/api/v1/persons/{id}/brief", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('LISTENING_READ')")
  @Operation(
      summary =
          "A person's pre-call brief: recent posts, interests with weights and example posts,"
              + " triggers, cautions ('not now'), the last touch and openers")
  PreCallBrief brief(@PathVariable long id) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    return briefs.build(person, clock.instant());
  }
}
