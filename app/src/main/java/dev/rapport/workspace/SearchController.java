package dev.rapport.workspace;

import dev.rapport.people.Accounts;
import dev.rapport.people.Persons;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Global search from the layout's search box: persons and accounts the user may see. */
@Controller
class SearchController {

  static final int LIMIT = 20;

  private final Persons persons;
  private final Accounts accounts;

  SearchController(Persons persons, Accounts accounts) {
    this.persons = persons;
    this.accounts = accounts;
  }

  @GetMapping("/search")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String search(@RequestParam(required = false) String q, Model model) {
    String text = q == null ? "" : q.strip();
    if (text.length() > 200) {
      text = text.substring(0, 200);
    }
    model.addAttribute("q", text);
    model.addAttribute("persons", text.isEmpty() ? List.of() : persons.search(text, LIMIT));
    model.addAttribute("accounts", text.isEmpty() ? List.of() : accounts.search(text, LIMIT));
    return "search";
  }
}
