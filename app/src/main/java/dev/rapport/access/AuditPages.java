package dev.rapport.access;

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
class AuditPages {

  private final AuditTrail audit;

  AuditPages(AuditTrail audit) {
    this.audit = audit;
  }

  @GetMapping("/settings/audit")
  @PreAuthorize("@access.allows('AUDIT_READ')")
  String audit(
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      HttpServletResponse response) {
    AuditTrail.Filter filter = new AuditTrail.Filter(objectType, objectId, actor, from, to);
    model.addAttribute("filter", filter);
    try {
      model.addAttribute("page", audit.find(filter, page, 50));
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", e.errors());
      model.addAttribute("page", new ListPage<>(List.of(), 0, 50, 0));
    }
    return "access/audit";
  }
}
