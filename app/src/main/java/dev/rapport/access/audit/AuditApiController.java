package dev.rapport.access.audit;

import dev.rapport.access.users.ListPage;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read the audit log: filtered by object, actor and time, newest first, in pages. */
@RestController
@Tag(name = "Audit")
class AuditApiController {

  private final AuditTrailStore audit;

  AuditApiController(AuditTrailStore audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit")
  @PreAuthorize("@access.allows('AUDIT_READ')")
  public ListPage<AuditTrailStore.Entry> audit(
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return audit.find(
        new AuditTrailStore.Filter(objectType, objectId, actor, from, to), page, size);
  }
}
