package dev.rapport.people.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts (companies) over HTTP. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountApiController {

  /** The fields a client sends to create or change an account. */
  record AccountInput(
      String name,
      List<String> domains,
      String industry,
      Integer employees,
      String location,
      Long ownerUserId) {

    AccountDraft draft() {
      return new AccountDraft(name, domains, industry, employees, location, ownerUserId);
    }
  }

  private final AccountService accounts;
  private final Views views;
  private final CsvExport export;

  AccountApiController(AccountService accounts, Views views, CsvExport export) {
    this.accounts = accounts;
    this.views = views;
    this.export = export;
  }

  @GetMapping
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  Views.PageView<Views.AccountView> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) Long owner,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    Page<Account> result =
        accounts.list(
            ListQuery.of(q, industry, owner, null, sort, page, size, AccountStore.SORTABLE));
    return views.page(result, result.items().stream().map(Views::account).toList());
  }

  @GetMapping("/{id}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  Views.AccountView get(@PathVariable long id) {
    return Views.account(accounts.get(id));
  }

  @PostMapping
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  ResponseEntity<Views.AccountView> create(@RequestBody AccountInput input) {
    long id = accounts.create(input.draft());
    return ResponseEntity.created(URI.create("/api/v1/accounts/" + id))
        .body(Views.account(accounts.get(id)));
  }

  @PutMapping("/{id}")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  Views.AccountView update(@PathVariable long id, @RequestBody AccountInput input) {
    return Views.account(accounts.update(id, input.draft()));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  ResponseEntity<Void> delete(@PathVariable long id) {
    accounts.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/export.csv")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  void exportCsv(HttpServletResponse response) throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"accounts.csv\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    export.accounts(response.getWriter());
  }
}
