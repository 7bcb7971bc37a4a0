package dev.rapport.people.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * A person's data export and erasure (GDPR access and erasure), and the erasure blocklist. Export
 * and erase ask the person's visibility first, like every route about a person.
 */
@RestController
@Tag(name = "Privacy")
class PrivacyApiController {

  private final PersonExport export;
  private final PersonErasure erasure;
  private final ErasureBlocklistFacade blocklist;
  private final RecordAccess records;
  private final AuditLog audit;
  private final ObjectMapper json;

  PrivacyApiController(
      PersonExport export,
      PersonErasure erasure,
      ErasureBlocklistFacade blocklist,
      RecordAccess records,
      AuditLog audit,
      ObjectMapper json) {
    this.export = export;
    this.erasure = erasure;
    this.blocklist = blocklist;
    this.records = records;
    this.audit = audit;
    this.json = json;
  }

  @GetMapping("/api/v1/persons/{id}/export")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  @Operation(
      summary =
          "Everything kept about a person (GDPR access): the person, identities, account link,"
              + " touchpoints, notes, stage history, mentions with raw payloads, audit rows")
  ResponseEntity<Map<String, Object>> export(@PathVariable long id) {
    records.requireVisiblePerson(new PersonId(id));
    Map<String, Object> doc = export.export(id);
    audit.record("person_export", id, AuditLog.Action.CREATE, null, Map.of("person", id));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"person-" + id + ".json\"")
        .body(doc);
  }

  @PostMapping("/api/v1/persons/{id}/erase")
  @PreAuthorize("@access.allows('PRIVACY_ADMIN')")
  @Operation(
      summary =
          "Erase a person everywhere (GDPR erasure) with a reason; their identities go to the"
              + " blocklist so listening does not bring them back")
  PersonErasure.Erased erase(@PathVariable long id, @RequestBody(required = false) String body) {
    records.requireChangeablePerson(new PersonId(id));
    JsonBody in = JsonBody.parse(json, body, Set.of("reason"));
    String reason = in.text("reason", true, PersonErasure.REASON_MAX);
    in.throwIfInvalid();
    return erasure.erase(id, reason);
  }

  @GetMapping("/api/v1/privacy/blocklist")
  @PreAuthorize("@access.allows('PRIVACY_ADMIN')")
  @Operation(summary = "The erasure blocklist: hashes of erased identities, when, by whom, why")
  List<ErasureBlocklistFacade.Entry> blocklist() {
    return blocklist.list();
  }

  @DeleteMapping("/api/v1/privacy/blocklist/{entryId}")
  @PreAuthorize("@access.allows('PRIVACY_ADMIN')")
  @Operation(summary = "Remove a blocklist entry, so listening may hear that identity again")
  ResponseEntity<Void> unblock(@PathVariable long entryId) {
    blocklist.unblock(entryId);
    return ResponseEntity.noContent().build();
  }
}
