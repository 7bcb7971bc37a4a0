package dev.rapport.people.internal;

import dev.rapport.shared.CsvWriter;
import java.io.Writer;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes persons and accounts as CSV with the same column names the import reads, so an export
 * imports back with dedupe key id and changes nothing. Cells are written by the shared {@link
 * CsvWriter}, so a name such as {@code =HYPERLINK(...)} is never a live formula in a spreadsheet.
 */
@Component
class CsvExport {

  static final List<String> PERSON_COLUMNS =
      List.of(
          "id",
          "first_name",
          "last_name",
          "email",
          "phone",
          "title",
          "account_domain",
          "account_name",
          "tags",
          "may_contact",
          "consent_basis",
          "owner_id");
  static final List<String> ACCOUNT_COLUMNS =
      List.of("id", "name", "domains", "industry", "employees", "location", "owner_id");

  private final JdbcClient jdbc;
  private final PersonStore persons;
  private final AccountStore accounts;
  private final Visible visible;

  CsvExport(JdbcClient jdbc, PersonStore persons, AccountStore accounts, Visible visible) {
    this.jdbc = jdbc;
    this.persons = persons;
    this.accounts = accounts;
    this.visible = visible;
  }

  @Transactional(readOnly = true)
  public void persons(Writer out) {
    try (CsvWriter csv = CsvWriter.open(out, PERSON_COLUMNS)) {
      List<Long> ids =
          jdbc.sql("select id from person where merged_into is null order by id")
              .query(Long.class)
              .list();
      for (int from = 0; from < ids.size(); from += 1000) {
        List<Person> page = persons.loadAll(ids.subList(from, Math.min(ids.size(), from + 1000)));
        for (Person p : page) {
          if (!visible.canSee(Visible.PERSON, p.ownerUserId())) {
            continue;
          }
          String domain =
              p.accountId() == null
                  ? null
                  : accounts.find(p.accountId()).map(Account::domain).orElse(null);
          csv.row(
              p.id(),
              p.firstName(),
              p.lastName(),
              String.join(";", p.emails()),
              String.join(";", p.phones()),
              p.title(),
              domain,
              p.accountName(),
              String.join(";", p.tags()),
              p.mayContact(),
              p.consentBasis(),
              p.ownerUserId());
        }
      }
    }
  }

  @Transactional(readOnly = true)
  public void accounts(Writer out) {
    try (CsvWriter csv = CsvWriter.open(out, ACCOUNT_COLUMNS)) {
      List<Long> ids = jdbc.sql("select id from account order by id").query(Long.class).list();
      for (Account a : accounts.loadAll(ids)) {
        if (visible.canSee(Visible.ACCOUNT, a.ownerUserId())) {
          csv.row(
              a.id(),
              a.name(),
              String.join(";", a.domains()),
              a.industry(),
              a.employees(),
              a.location(),
              a.ownerUserId());
        }
      }
    }
  }

  static void problems(Writer out, List<ImportJobs.Problem> problems) {
    try (CsvWriter csv = CsvWriter.open(out, List.of("row", "field", "reason"))) {
      for (ImportJobs.Problem p : problems) {
        csv.row(p.row(), p.field(), p.reason());
      }
    }
  }
}
