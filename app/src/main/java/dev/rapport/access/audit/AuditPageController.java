package dev.rapport.access.audit;

import dev.rapport.access.users.ListPage;
import dev.rapport.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page for admins, with the same filters as GET /api/v1/audit. */
@Controller
class AuditPageController {

  private final AuditTrailStore audit;
  private final dev.rapport.access.UserNames names;

  public AuditPageController(AuditTrailStore audit, dev.rapport.access.UserNames names) {
    this.audit = audit;
    this.names = names;
  }

  @GetMapping("/settings/audit")
  @PreAuthorize("@access.allows('AUDIT_READ')")
  public String audit(
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Model model,
      HttpServletResponse response) {
    AuditTrailStore.Filter filter =
        new AuditTrailStore.Filter(objectType, objectId, actor, from, to);
    model.addAttribute("filter", filter);
    model.addAttribute("size", size);
    try {
      ListPage<AuditTrailStore.Entry> found = audit.find(filter, page, size);
      model.addAttribute("page", found);
      model.addAttribute(
          "rows",
          found.items().stream()
              .map(
                  e ->
                      new Row(
                          e,
                          AuditDiff.of(e.oldValue(), e.newValue()),
                          names.byId(e.actorId(), e.actorName())))
              .toList());
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", e.errors());
      model.addAttribute("page", new ListPage<>(List.of(), 0, 50, 0));
      model.addAttribute("rows", List.of());
    }
    return "access/audit";
  }

  /** An audit row with its values as readable changes. */
  public record Row(
      AuditTrailStore.Entry entry,
      List<AuditDiff.Change> changes,
      dev.rapport.access.UserNames.Named who) {}
}
