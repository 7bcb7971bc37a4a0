package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The ideal customer profile settings page. */
@Controller
class IcpPageController {

  private final Icp icp;

  IcpPageController(Icp icp) {
    this.icp = icp;
  }

  @GetMapping("/settings/icp")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String page(Model model) {
    model.addAttribute("profile", icp.profile());
    model.addAttribute("fields", Icp.FIELDS);
    return "people/icp";
  }

  /** Rules come as field.N, match.N, points.N; an empty match or remove.N drops the rule. */
  @PostMapping("/settings/icp")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  String save(@RequestParam Map<String, String> form, Model model) {
    List<Icp.Rule> rules = new ArrayList<>();
    for (int i = 0; i < 60 && form.containsKey("field." + i); i++) {
      String match = form.getOrDefault("match." + i, "");
      if (!match.isBlank() && !form.containsKey("remove." + i)) {
        rules.add(new Icp.Rule(form.get("field." + i), match, number(form, "points." + i)));
      }
    }
    try {
      icp.replace(new Icp.Profile(rules, number(form, "threshold")));
      return "redirect:/settings/icp?saved";
    } catch (InvalidInputException e) {
      model.addAttribute("profile", new Icp.Profile(rules, icp.profile().threshold()));
      model.addAttribute("fields", Icp.FIELDS);
      model.addAttribute("errors", e.errors());
      return "people/icp";
    }
  }

  private static int number(Map<String, String> form, String name) {
    try {
      return Integer.parseInt(form.getOrDefault(name, "").strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(name, "must be a whole number");
    }
  }
}
