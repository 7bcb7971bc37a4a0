package dev.rapport.access;

import dev.rapport.access.ApiViews.LevelInput;
import dev.rapport.access.ApiViews.VisibilityView;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins set record visibility and read the audit log. */
@RestController
class AdminApiController {

  private final RecordVisibilityFacade visibility;
  private final AuditTrailStore audit;

  AdminApiController(RecordVisibilityFacade visibility, AuditTrailStore audit) {
    this.visibility = visibility;
    this.audit = audit;
  }

  @GetMapping("/api/v1/visibility")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  List<VisibilityView> visibility() {
    return visibility.all().entrySet().stream()
        .map(e -> new VisibilityView(e.getKey(), ApiViews.lower(e.getValue())))
        .toList();
  }

  @PutMapping("/api/v1/visibility/{objectType}")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  VisibilityView setVisibility(@PathVariable String objectType, @RequestBody LevelInput input) {
    VisibilityLevel level = visibility.set(objectType, input.level());
    return new VisibilityView(
        objectType.strip().toLowerCase(java.util.Locale.ROOT), ApiViews.lower(level));
  }

  @GetMapping("/api/v1/audit")
  @PreAuthorize("@access.allows('AUDIT_READ')")
  ListPage<AuditTrailStore.Entry> audit(
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
