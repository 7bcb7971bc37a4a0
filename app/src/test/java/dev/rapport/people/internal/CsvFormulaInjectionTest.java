package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.support.PersistenceTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A name, title, phone or tag that a spreadsheet would run as a formula is written with a leading
 * quote in every CSV Rapport writes (exports and import error files), and the export still imports
 * back unchanged.
 */
@PersistenceTest
class CsvFormulaInjectionTest {

  static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"Open\")";

  @Autowired ImportJobs jobs;
  @Autowired PersonStore store;
  @Autowired PersonService persons;
  @Autowired CsvExport export;

  final String run = UUID.randomUUID().toString().substring(0, 8);

  ImportJobs.Status importCsv(String key, String csv) {
    ImportJobs.Status started =
        jobs.start(
            new ImportJobs.Request("persons", key, false, Map.of(), "test.csv"),
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    await().atMost(Duration.ofSeconds(60)).until(() -> jobs.status(started.id()).isFinished());
    return jobs.status(started.id());
  }

  static List<CSVRecord> parse(String csv) throws IOException {
    return CSVFormat.RFC4180.builder().get().parse(new StringReader(csv)).getRecords();
  }

  static List<String> cellsStartingAFormula(String csv) throws IOException {
    List<String> live = new ArrayList<>();
    for (CSVRecord r : parse(csv)) {
      for (String cell : r) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
          live.add(cell);
        }
      }
    }
    return live;
  }

  @Test
  void aFormulaInANameIsExportedAsTextAndImportsBackUnchanged() throws IOException {
    String email = "formula." + run + "@evil.example";
    String tisEmail = "tis." + run + "@ok.example";
    persons.create(
        new PersonDraft(
            "@SUM(1+1)",
            HYPERLINK,
            List.of(email),
            List.of("+1 555 0100"),
            "-2+3",
            null,
            null,
            List.of("=cmd(1)", "plain"),
            false,
            null),
        "test");
    persons.create(
        new PersonDraft(
            "'=already quoted",
            "'Tis",
            List.of(tisEmail),
            List.of(),
            "'Tis title",
            null,
            null,
            List.of(),
            false,
            null),
        "test");

    StringWriter before = new StringWriter();
    export.persons(before);

    assertThat(cellsStartingAFormula(before.toString())).isEmpty();
    assertThat(before.toString())
        .contains("'=HYPERLINK", "'@SUM(1+1)", "'+1 555 0100", "'-2+3", "'=cmd")
        .contains("''=already quoted", ",'Tis,", "'Tis title");

    ImportJobs.Status back = importCsv("id", before.toString());
    assertThat(jobs.problems(back.id())).isEmpty();
    assertThat(back.created()).isZero();
    StringWriter after = new StringWriter();
    export.persons(after);
    assertThat(after.toString()).isEqualTo(before.toString());
    Person again = store.find(store.personWithEmail(email).orElseThrow()).orElseThrow();
    assertThat(again.lastName()).isEqualTo(HYPERLINK);
    assertThat(again.firstName()).isEqualTo("@SUM(1+1)");
    assertThat(again.phones()).containsExactly("+1 555 0100");
    Person tis = store.find(store.personWithEmail(tisEmail).orElseThrow()).orElseThrow();
    assertThat(tis.firstName()).isEqualTo("'=already quoted");
    assertThat(tis.lastName()).isEqualTo("'Tis");
  }

  @Test
  void aHandWrittenSpreadsheetEscapeIsReadAsTheTextTheSpreadsheetShows() {
    String email = "hand." + run + "@ok.example";
    ImportJobs.Status status =
        importCsv("email", "first_name,last_name,email\n'=1+2,'Brien," + email + "\n");
    assertThat(jobs.problems(status.id())).isEmpty();
    Person p = store.find(store.personWithEmail(email).orElseThrow()).orElseThrow();
    assertThat(p.firstName()).isEqualTo("=1+2");
    assertThat(p.lastName()).isEqualTo("'Brien");
  }

  @Test
  void theImportErrorFileEscapesAColumnNameThatIsAFormula() throws IOException {
    ImportJobs.Status status =
        importCsv("email", "email,=SUM(A1:A9)\nx." + run + "@ok.example,1\n");
    StringWriter errors = new StringWriter();
    CsvExport.problems(errors, jobs.problems(status.id()));

    assertThat(jobs.problems(status.id())).anySatisfy(p -> assertThat(p.field()).startsWith("="));
    assertThat(cellsStartingAFormula(errors.toString())).isEmpty();
    assertThat(errors.toString()).contains("'=SUM(A1:A9)");
  }
}
