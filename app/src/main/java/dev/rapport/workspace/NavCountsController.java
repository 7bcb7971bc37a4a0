package dev.rapport.workspace;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The left navigation's counts, loaded with htmx after the page so no page waits for them; the
 * answer swaps each count into its link out of band.
 */
@Controller
class NavCountsController {

  private final DayCounts day;

  NavCountsController(DayCounts day) {
    this.day = day;
  }

  @GetMapping("/nav/counts")
  @PreAuthorize("isAuthenticated()")
  String counts(Model model) {
    model.addAttribute("counts", day.counts());
    return "workspace/nav-counts";
  }
}
