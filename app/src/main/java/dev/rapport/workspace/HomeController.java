package dev.rapport.workspace;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page and the sign-in page. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }

  /** The sign-in form; {@code locked} is how long a throttled sign-in must wait, in seconds. */
  @GetMapping("/login")
  String login(@RequestParam(required = false) String locked, Model model) {
    if (locked != null && locked.matches("[0-9]{1,6}")) {
      model.addAttribute("lockedSeconds", Integer.parseInt(locked));
    }
    return "login";
  }
}
