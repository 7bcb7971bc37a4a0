package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.support.PersistenceTest;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PersistenceTest
class ImportTest {

  @Autowired ImportJobs jobs;
  @Autowired PersonService persons;
  @Autowired PersonStore store;
  @Autowired CsvExport export;
  @Autowired MergeProposals proposals;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  final String run = UUID.randomUUID().toString().substring(0, 8);

  ImportJobs.Status importCsv(
      String kind, String key, boolean dry, String csv, Map<String, String> mapping) {
    ImportJobs.Status started =
        jobs.start(
            new ImportJobs.Request(kind, key, dry, mapping, "test.csv"),
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    await().atMost(Duration.ofSeconds(60)).until(() -> jobs.status(started.id()).isFinished());
    return jobs.status(started.id());
  }

  String badFile() {
    String longTitle = "T".repeat(201);
    return String.join(
        "\n",
        "first_name,last_name,email,title,favourite_colour",
        "Ann,Ok,ann." + run + "@ok.example,Head of Sales,blue",
        "Bad,\"Quote\"x,b." + run + "@x.example,T,red",
        "Long,Title,keep." + run + "@ok.example," + longTitle + ",green",
        "Inv,Email,not-an-email,T,x",
        "Dup,Key,ANN." + run + "@ok.example,T,x",
        "Cid,Ok,cid." + run + "@ok.example,T,x",
        "Few,Fields",
        "");
  }

  @Test
  void eachKindOfBadInputIsNamedByRowAndFieldAndTheOtherRowsGoOn() {
    long kept =
        persons
            .create(
                new PersonDraft(
                    "Keep",
                    "Me",
                    List.of("keep." + run + "@ok.example"),
                    List.of(),
                    "Original",
                    null,
                    null,
                    List.of(),
                    false,
                    null),
                "test")
            .value();

    ImportJobs.Status status = importCsv("persons", "email", false, badFile(), Map.of());

    assertThat(status.status()).isEqualTo("done");
    assertThat(status.created()).isEqualTo(2);
    assertThat(status.rejected()).isEqualTo(5);
    assertThat(status.processed()).isEqualTo(7);
    List<ImportJobs.Problem> problems = jobs.problems(status.id());
    assertThat(problems)
        .anySatisfy(p -> assertProblem(p, 1, "favourite_colour", "unknown column"))
        .anySatisfy(
            p ->
                assertProblem(
                    p, 3, "row", "malformed row: line 3, column 2: text after a closing quote"))
        .anySatisfy(p -> assertProblem(p, 4, "title", "value is 201 characters long; at most 200"))
        .anySatisfy(
            p -> assertProblem(p, 5, "email", "'not-an-email' is not a valid email address"))
        .anySatisfy(
            p ->
                assertProblem(
                    p,
                    6,
                    "email",
                    "duplicate key 'ann." + run + "@ok.example' (email), first in row 2"))
        .anySatisfy(
            p ->
                assertProblem(
                    p, 8, "row", "malformed row: expected 5 fields as in the header, found 2"));
    assertThat(store.personWithEmail("ann." + run + "@ok.example")).isPresent();
    assertThat(store.personWithEmail("cid." + run + "@ok.example")).isPresent();
    assertThat(store.personWithEmail("b." + run + "@x.example")).isEmpty();
    assertThat(persons.get(kept).title()).isEqualTo("Original");
    StringWriter errorFile = new StringWriter();
    CsvExport.problems(errorFile, problems);
    assertThat(errorFile.toString())
        .startsWith("row,field,reason\n")
        .contains("4,title,value is 201");
  }

  static long records(String csv) {
    long n = 0;
    try (CsvRows rows = new CsvRows(new java.io.StringReader(csv))) {
      while (rows.next() != null) {
        n++;
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return n;
  }

  void assertProblem(ImportJobs.Problem p, int row, String field, String reason) {
    assertThat(p.row()).isEqualTo(row);
    assertThat(p.field()).isEqualTo(field);
    assertThat(p.reason()).startsWith(reason);
  }

  @Test
  void aDryRunReportsWhatWouldHappenAndStoresNothing() {
    ImportJobs.Status status = importCsv("persons", "email", true, badFile(), Map.of());
    assertThat(status.dryRun()).isTrue();
    assertThat(status.created()).isEqualTo(2);
    assertThat(status.rejected()).isEqualTo(5);
    assertThat(store.personWithEmail("ann." + run + "@ok.example")).isEmpty();
    assertThat(jobs.problems(status.id())).hasSize(6);
  }

  @Test
  void columnsAreMappedAndAnExistingEmailUpdatesThePerson() {
    String csv =
        "Given,Family,Mail,Role,Skip me\n" + "Gil,Moss,gil." + run + "@moss.example,Engineer,zzz\n";
    ImportJobs.Status first =
        importCsv(
            "persons",
            "email",
            false,
            csv,
            Map.of(
                "Given",
                "first_name",
                "Family",
                "last_name",
                "Mail",
                "email",
                "Role",
                "title",
                "Skip me",
                "ignore"));
    assertThat(first.created()).isEqualTo(1);
    assertThat(jobs.problems(first.id())).isEmpty();
    ImportJobs.Status second =
        importCsv(
            "persons",
            "email",
            false,
            "email,title,tags\ngil." + run + "@moss.example,Head of Engineering,imported;beta\n",
            Map.of());
    assertThat(second.updated()).isEqualTo(1);
    long id = store.personWithEmail("gil." + run + "@moss.example").orElseThrow();
    Person gil = persons.get(id);
    assertThat(gil.firstName()).isEqualTo("Gil");
    assertThat(gil.title()).isEqualTo("Head of Engineering");
    assertThat(gil.tags()).containsExactlyInAnyOrder("imported", "beta");
  }

  long auditRows(long personId, String action) {
    return jdbc.sql(
            "select count(*) from audit_log where object_type = 'person' and object_id = :id"
                + " and action = :action")
        .param("id", String.valueOf(personId))
        .param("action", action)
        .query(Long.class)
        .single();
  }

  @Test
  void everyImportedCreateAndUpdateIsAuditedOncePerPersonWithOldAndNewValues() {
    String csv =
        "first_name,last_name,email,title\n"
            + "Ida,Audit,ida."
            + run
            + "@audit.example,Analyst\n"
            + "Ole,Audit,ole."
            + run
            + "@audit.example,Analyst\n";
    assertThat(importCsv("persons", "email", false, csv, Map.of()).created()).isEqualTo(2);
    long ida = store.personWithEmail("ida." + run + "@audit.example").orElseThrow();
    long ole = store.personWithEmail("ole." + run + "@audit.example").orElseThrow();
    assertThat(auditRows(ida, "CREATE")).isEqualTo(1);
    assertThat(auditRows(ole, "CREATE")).isEqualTo(1);
    ImportJobs.Status second =
        importCsv(
            "persons",
            "email",
            false,
            "email,title\nida." + run + "@audit.example,Lead Analyst\n",
            Map.of());
    assertThat(second.updated()).isEqualTo(1);
    assertThat(auditRows(ida, "UPDATE")).isEqualTo(1);
    assertThat(auditRows(ole, "UPDATE")).isZero();
    List<String> update =
        jdbc.sql(
                "select actor_name, old_value, new_value from audit_log where object_type ="
                    + " 'person' and object_id = :id and action = 'UPDATE'")
            .param("id", String.valueOf(ida))
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
            .single();
    assertThat(update.get(0)).isNotBlank();
    assertThat(update.get(1)).contains("Analyst").doesNotContain("Lead Analyst");
    assertThat(update.get(2)).contains("Lead Analyst");
  }

  @Test
  void importedNamesakesAtOneCompanyAreProposedForMergeByEmailOrAccountDomain() {
    String domain = "merge" + run + ".example";
    String csv =
        "first_name,last_name,email,account_domain\n"
            + "Uma,Namesake"
            + run
            + ",uma."
            + run
            + "@"
            + domain
            + ",\n"
            // free mail says nothing; the account's domain is the evidence
            + "Uma,Namesake"
            + run
            + ",uma."
            + run
            + "@gmail.com,"
            + domain
            + "\n"
            + "Uma,Namesake"
            + run
            + ",uma."
            + run
            + "@elsewhere"
            + run
            + ".example,\n";
    assertThat(importCsv("persons", "email", false, csv, Map.of()).created()).isEqualTo(3);
    long atWork = store.personWithEmail("uma." + run + "@" + domain).orElseThrow();
    long freeMail = store.personWithEmail("uma." + run + "@gmail.com").orElseThrow();
    long elsewhere =
        store.personWithEmail("uma." + run + "@elsewhere" + run + ".example").orElseThrow();
    List<MergeProposals.Proposal> pending = proposals.pendingFor(atWork);
    assertThat(pending).hasSize(1);
    assertThat(List.of(pending.get(0).personA(), pending.get(0).personB()))
        .containsExactlyInAnyOrder(atWork, freeMail);
    assertThat(pending.get(0).evidence()).contains(domain);
    assertThat(proposals.pendingFor(elsewhere)).isEmpty();
  }

  @Test
  void anExportImportsBackUnchanged() {
    importCsv(
        "accounts",
        "domain",
        false,
        "name,domains,industry,employees,location\nRound "
            + run
            + ",round"
            + run
            + ".example,Software,120,\"Lyon, France\"\n",
        Map.of());
    importCsv(
        "persons",
        "email",
        false,
        "first_name,last_name,email,account_domain,tags,may_contact,consent_basis\n"
            + "Rita,\"O'Neil, Jr\",rita."
            + run
            + "@round"
            + run
            + ".example,round"
            + run
            + ".example,a;b,yes,consent\n",
        Map.of());
    StringWriter before = new StringWriter();
    export.persons(before);
    StringWriter accountsBefore = new StringWriter();
    export.accounts(accountsBefore);
    long rows = records(before.toString()) - 1; // a quoted cell may hold a line break

    ImportJobs.Status persons = importCsv("persons", "id", false, before.toString(), Map.of());
    ImportJobs.Status accounts =
        importCsv("accounts", "id", false, accountsBefore.toString(), Map.of());

    assertThat(jobs.problems(persons.id())).isEmpty();
    assertThat(persons.updated()).isEqualTo((int) rows);
    assertThat(persons.created()).isZero();
    assertThat(accounts.rejected()).isZero();
    StringWriter after = new StringWriter();
    export.persons(after);
    assertThat(after.toString()).isEqualTo(before.toString());
    assertThat(before.toString()).contains("\"O'Neil, Jr\"", "round" + run + ".example");
  }

  @Test
  void anUnknownIdIsRejectedAndAnEmptyFileFails() {
    ImportJobs.Status status =
        importCsv("persons", "id", false, "id,title\n999999999,CEO\n", Map.of());
    assertThat(status.rejected()).isEqualTo(1);
    assertThat(jobs.problems(status.id()).get(0).reason()).isEqualTo("no person with id 999999999");
    assertThat(importCsv("persons", "email", false, "", Map.of()).status()).isEqualTo("failed");
  }
}
