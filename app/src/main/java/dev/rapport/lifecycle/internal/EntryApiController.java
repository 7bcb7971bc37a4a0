package dev.rapport.lifecycle.internal;

import dev.rapport.people.PersonCreated.Origin;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.JsonBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Where new persons enter the lifecycle, per origin (listening, import, manual). */
@RestController
@Tag(name = "Lifecycle entry")
@RequestMapping(path = "/api/v1/lifecycle/entry", produces = MediaType.APPLICATION_JSON_VALUE)
class EntryApiController {

  private final EntryRules rules;
  private final ObjectMapper json;

  EntryApiController(EntryRules rules, ObjectMapper json) {
    this.rules = rules;
    this.json = json;
  }

  @GetMapping
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  List<EntryRules.Rule> all() {
    return rules.all();
  }

  /** Body: {@code enters} (true or false) and {@code stageId} (null or absent: automatic). */
  @PutMapping(path = "/{origin}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  EntryRules.Rule set(@PathVariable String origin, @RequestBody(required = false) String body) {
    Origin o = origin(origin);
    JsonBody in = JsonBody.parse(json, body, Set.of("enters", "stageId"));
    Boolean enters = in.bool("enters");
    Long stageId = in.id("stageId");
    in.throwIfInvalid();
    return rules.set(o, enters == null || enters, stageId);
  }

  static Origin origin(String origin) {
    try {
      return Origin.valueOf(origin.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("origin", "must be one of listening, import, manual");
    }
  }
}
