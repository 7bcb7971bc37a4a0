package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The accounts pages: list, an account's page with its persons, and the forms. */
@Controller
class AccountPageController {

  /** The form's fields as typed. */
  record AccountForm(
      String name,
      String domains,
      String industry,
      Integer employees,
      String location,
      Long ownerUserId) {

    static AccountForm of(Account a) {
      return new AccountForm(
          a.name(),
          String.join(", ", a.domains()),
          a.industry(),
          a.employees(),
          a.location(),
          a.ownerUserId());
    }

    AccountDraft draft() {
      return new AccountDraft(
          name,
          PersonPageController.PersonForm.split(domains),
          industry,
          employees,
          location,
          ownerUserId);
    }
  }

  private final AccountService accounts;
  private final PersonService persons;
  private final Views views;
  private final Owners owners;

  AccountPageController(
      AccountService accounts, PersonService persons, Views views, Owners owners) {
    this.accounts = accounts;
    this.persons = persons;
    this.views = views;
    this.owners = owners;
  }

  @GetMapping("/accounts")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer page,
      Model model) {
    ListQuery query;
    try {
      query = ListQuery.of(q, industry, null, null, sort, page, 25, AccountStore.SORTABLE);
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      query = ListQuery.of(q, null, null, null, null, 0, 25, AccountStore.SORTABLE);
    }
    model.addAttribute("q", q);
    model.addAttribute("industry", industry);
    model.addAttribute("sort", sort);
    Page<Account> result = accounts.list(query);
    model.addAttribute("query", query);
    model.addAttribute("page", result);
    model.addAttribute(
        "ownerNames", owners.names(result.items().stream().map(Account::ownerUserId).toList()));
    return "people/accounts";
  }

  @GetMapping("/accounts/{id}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String show(@PathVariable long id, Model model) {
    Account account = accounts.get(id);
    model.addAttribute("account", account);
    model.addAttribute("ownerName", owners.name(account.ownerUserId()));
    Page<Person> people =
        persons.list(ListQuery.of(null, null, null, id, "name", 0, 100, PersonStore.SORTABLE));
    model.addAttribute("people", views.persons(people.items()));
    model.addAttribute("peopleTotal", people.total());
    return "people/account";
  }

  @GetMapping("/accounts/new")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String createForm(Model model) {
    model.addAttribute("form", new AccountForm(null, null, null, null, null, null));
    model.addAttribute("action", "/accounts");
    model.addAttribute("heading", model.containsAttribute("id") ? "Edit account" : "New account");
    return "people/account-form";
  }

  @PostMapping("/accounts")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String create(AccountForm form, Model model) {
    try {
      return "redirect:/accounts/" + accounts.create(form.draft());
    } catch (InvalidInputException e) {
      model.addAttribute("form", form);
      model.addAttribute("errors", e.errors());
      model.addAttribute("action", "/accounts");
      model.addAttribute("heading", model.containsAttribute("id") ? "Edit account" : "New account");
      return "people/account-form";
    }
  }

  @GetMapping("/accounts/{id}/edit")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String editForm(@PathVariable long id, Model model) {
    model.addAttribute("form", AccountForm.of(accounts.get(id)));
    model.addAttribute("id", id);
    model.addAttribute("action", "/accounts/" + id);
    model.addAttribute("heading", model.containsAttribute("id") ? "Edit account" : "New account");
    return "people/account-form";
  }

  @PostMapping("/accounts/{id}")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String update(@PathVariable long id, AccountForm form, Model model) {
    try {
      accounts.update(id, form.draft());
      return "redirect:/accounts/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("form", form);
      model.addAttribute("errors", e.errors());
      model.addAttribute("id", id);
      model.addAttribute("action", "/accounts/" + id);
      model.addAttribute("heading", model.containsAttribute("id") ? "Edit account" : "New account");
      return "people/account-form";
    }
  }

  @PostMapping("/accounts/{id}/delete")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String delete(@PathVariable long id) {
    accounts.delete(id);
    return "redirect:/accounts";
  }
}
