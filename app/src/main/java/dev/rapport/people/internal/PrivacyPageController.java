package dev.rapport.people.internal;

import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of privacy: the confirmation before a person is erased (reached from the person page),
 * and the erasure blocklist under settings.
 */
@Controller
class PrivacyPageController {

  private final PersonService persons;
  private final PersonErasure erasure;
  private final ErasureBlocklistFacade blocklist;
  private final IdentityStore identities;
  private final RecordAccess records;

  PrivacyPageController(
      PersonService persons,
      PersonErasure erasure,
      ErasureBlocklistFacade blocklist,
      IdentityStore identities,
      RecordAccess records) {
    this.persons = persons;
    this.erasure = erasure;
    this.blocklist = blocklist;
    this.identities = identities;
    this.records = records;
  }

  @GetMapping("/persons/{id}/erase")
  @PreAuthorize("@access.allows('PRIVACY_ADMIN')")
  String confirm(@PathVariable long id, Model model) {
    records.requireChangeablePerson(new PersonId(id));
    return form(id, "", null, model);
  }

  @PostMapping("/persons/{id}/erase")
  @PreAuthorize("@access.allows('PRIVACY_ADMIN')")
  String erase(@PathVariable long id, @RequestParam(required = false) String reason, Model model) {
    records.requireChangeablePerson(new PersonId(id));
    try {
      PersonErasure.Erased erased = erasure.erase(id, reason);
      return "redirect:/settings/privacy?erased=" + erased.person();
    } catch (InvalidInputException e) {
      return form(id, reason, e, model);
    }
  }

  private String form(long id, String reason, InvalidInputException problem, Model model) {
    Person person = persons.get(id);
    model.addAttribute("person", person);
    model.addAttribute("identities", identities.ofPerson(id));
    model.addAttribute("reason", reason == null ? "" : reason);
    model.addAttribute("maxReason", PersonErasure.REASON_MAX);
    if (problem != null) {
      model.addAttribute("errors", problem.errors());
    }
    return "people/erase";
  }

  @GetMapping("/settings/privacy")
  @PreAuthorize("@access.allows('PRIVACY_ADMIN')")
  String settings(@RequestParam(required = false) Long erased, Model model) {
    model.addAttribute("entries", blocklist.list());
    model.addAttribute("erased", erased);
    return "people/privacy";
  }

  @PostMapping("/settings/privacy/blocklist/{entryId}/remove")
  @PreAuthorize("@access.allows('PRIVACY_ADMIN')")
  String unblock(@PathVariable long entryId) {
    blocklist.unblock(entryId);
    return "redirect:/settings/privacy";
  }
}
