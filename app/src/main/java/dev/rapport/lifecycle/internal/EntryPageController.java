package dev.rapport.lifecycle.internal;

import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.people.PersonCreated.Origin;
import dev.rapport.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "New persons" rows of the lifecycle settings page, loaded into it as a fragment. */
@Controller
class EntryPageController {

  private final EntryRules rules;
  private final Lifecycle lifecycle;

  EntryPageController(EntryRules rules, Lifecycle lifecycle) {
    this.rules = rules;
    this.lifecycle = lifecycle;
  }

  @GetMapping("/settings/lifecycle/entry")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  String rows(Model model) {
    model.addAttribute("rules", rules.all());
    model.addAttribute("stages", lifecycle.activeModel().stages());
    return "lifecycle/entry :: rows";
  }

  /** {@code stage}: "none" (do not enter), "auto", or a stage id of the active model. */
  @PostMapping("/settings/lifecycle/entry/{origin}")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  String set(
      @PathVariable String origin,
      @RequestParam(required = false) String stage,
      RedirectAttributes flash) {
    try {
      Origin o = EntryApiController.origin(origin);
      String s = stage == null ? "auto" : stage.strip();
      if (s.equals("none")) {
        rules.set(o, false, null);
      } else if (s.equals("auto")) {
        rules.set(o, true, null);
      } else {
        rules.set(o, true, stageId(s));
      }
      flash.addFlashAttribute("message", "Saved where new persons enter.");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/settings/lifecycle";
  }

  private static long stageId(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("stage", "choose a stage, automatic or none");
    }
  }
}
