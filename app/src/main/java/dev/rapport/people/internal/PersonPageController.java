package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The persons pages: the searchable list, a person's page, and the create and edit forms. */
@Controller
class PersonPageController {

  /** The form's fields as typed; lists are one value per line or comma. */
  record PersonForm(
      String firstName,
      String lastName,
      String emails,
      String phones,
      String title,
      Long accountId,
      Long ownerUserId,
      String tags,
      Boolean mayContact,
      String consentBasis) {

    static PersonForm of(Person p) {
      return new PersonForm(
          p.firstName(),
          p.lastName(),
          String.join(", ", p.emails()),
          String.join(", ", p.phones()),
          p.title(),
          p.accountId(),
          p.ownerUserId(),
          String.join(", ", p.tags()),
          p.mayContact(),
          p.consentBasis());
    }

    PersonDraft draft() {
      return new PersonDraft(
          firstName,
          lastName,
          split(emails),
          split(phones),
          title,
          accountId,
          ownerUserId,
          split(tags),
          Boolean.TRUE.equals(mayContact),
          consentBasis);
    }

    static List<String> split(String s) {
      return s == null ? List.of() : Arrays.asList(s.split("[,;\\n]"));
    }
  }

  private final PersonService persons;
  private final IdentityStore identities;
  private final MergeProposals proposals;
  private final Merges merges;
  private final Views views;
  private final Owners owners;

  PersonPageController(
      PersonService persons,
      IdentityStore identities,
      MergeProposals proposals,
      Merges merges,
      Views views,
      Owners owners) {
    this.persons = persons;
    this.identities = identities;
    this.proposals = proposals;
    this.merges = merges;
    this.views = views;
    this.owners = owners;
  }

  @GetMapping("/people")
  String people() {
    return "redirect:/persons";
  }

  @GetMapping("/persons")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) Long owner,
      @RequestParam(required = false) Long account,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer page,
      Model model) {
    ListQuery query;
    try {
      query = ListQuery.of(q, tag, owner, account, sort, page, 25, PersonStore.SORTABLE);
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      query = ListQuery.of(q, null, null, null, null, 0, 25, PersonStore.SORTABLE);
    }
    Page<Person> result = persons.list(query);
    model.addAttribute("query", query);
    model.addAttribute("q", q);
    model.addAttribute("tag", tag);
    model.addAttribute("owner", owner);
    model.addAttribute("account", account);
    model.addAttribute("sort", sort);
    model.addAttribute("page", result);
    model.addAttribute("rows", views.persons(result.items()));
    model.addAttribute("ownerChoices", owners.choices());
    model.addAttribute(
        "ownerNames", owners.names(result.items().stream().map(Person::ownerUserId).toList()));
    return "people/persons";
  }

  @GetMapping("/persons/{id}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String show(@PathVariable long id, Model model) {
    Person person = persons.get(id);
    if (person.mergedInto() != null) {
      return "redirect:/persons/" + person.mergedInto();
    }
    model.addAttribute("person", views.person(person));
    model.addAttribute("ownerName", owners.name(person.ownerUserId()));
    model.addAttribute("identities", identities.ofPerson(id));
    var pending = proposals.pendingFor(id);
    model.addAttribute("proposals", pending);
    model.addAttribute("proposalNames", otherNames(id, pending));
    model.addAttribute("merges", merges.list(id));
    return "people/person";
  }

  /** The names of the other persons in merge proposals, where the user may see them. */
  private java.util.Map<Long, String> otherNames(long id, List<MergeProposals.Proposal> pending) {
    java.util.Map<Long, String> names = new java.util.HashMap<>();
    for (MergeProposals.Proposal p : pending) {
      long other = p.personA() == id ? p.personB() : p.personA();
      try {
        names.put(other, persons.get(other).fullName());
      } catch (dev.rapport.shared.NotFoundException hidden) {
        // not visible to this user: the page says "another person"
      }
    }
    return names;
  }

  @GetMapping("/persons/new")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String createForm(@RequestParam(required = false) Long account, Model model) {
    model.addAttribute(
        "form", new PersonForm(null, null, null, null, null, account, null, null, false, null));
    model.addAttribute("action", "/persons");
    model.addAttribute("heading", model.containsAttribute("id") ? "Edit person" : "New person");
    return "people/person-form";
  }

  @PostMapping("/persons")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String create(PersonForm form, Model model) {
    try {
      return "redirect:/persons/" + persons.create(form.draft(), "ui").value();
    } catch (InvalidInputException e) {
      model.addAttribute("form", form);
      model.addAttribute("errors", e.errors());
      model.addAttribute("action", "/persons");
      model.addAttribute("heading", model.containsAttribute("id") ? "Edit person" : "New person");
      return "people/person-form";
    }
  }

  @GetMapping("/persons/{id}/edit")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String editForm(@PathVariable long id, Model model) {
    model.addAttribute("form", PersonForm.of(persons.get(id)));
    model.addAttribute("id", id);
    model.addAttribute("action", "/persons/" + id);
    model.addAttribute("heading", model.containsAttribute("id") ? "Edit person" : "New person");
    return "people/person-form";
  }

  @PostMapping("/persons/{id}")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String update(@PathVariable long id, PersonForm form, Model model) {
    try {
      persons.update(id, form.draft());
      return "redirect:/persons/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("form", form);
      model.addAttribute("errors", e.errors());
      model.addAttribute("id", id);
      model.addAttribute("action", "/persons/" + id);
      model.addAttribute("heading", model.containsAttribute("id") ? "Edit person" : "New person");
      return "people/person-form";
    }
  }

  @PostMapping("/persons/{id}/delete")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String delete(@PathVariable long id) {
    persons.delete(id);
    return "redirect:/persons";
  }
}
