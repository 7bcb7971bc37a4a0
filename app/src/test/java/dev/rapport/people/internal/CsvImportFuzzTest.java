package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import dev.rapport.access.Role;
import dev.rapport.engine.fuzz.Fuzz;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * CSV import of persons and accounts under structure-aware mutations (corpus in
 * src/test/resources/fuzz/csv-persons and csv-accounts): the upload never gets a 5xx, the import
 * never stops on an exception, records stored before are neither lost nor changed, and every
 * rejected row is reported with its row number, a malformed one also with its line and column.
 */
@PersistenceTest
class CsvImportFuzzTest {

  private static final Pattern LINE_AND_COLUMN = Pattern.compile("line \\d+, column \\d+");

  @Autowired AccessFixtures access;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  @ParameterizedTest
  @ValueSource(strings = {"persons", "accounts"})
  void mutatedFilesNeverGetA5xxNorLoseStoredRecordsAndEveryBadRowIsReported(String kind)
      throws Exception {
    RequestPostProcessor admin = access.as(Role.ADMIN);
    String table = kind.equals("persons") ? "person" : "account";
    String sentinels =
        kind.equals("persons")
            ? "first_name,last_name,email,title\nKeep,One,keep-1@sentinel.example,Stays\n"
                + "Keep,Two,keep-2@sentinel.example,Stays too\n"
            : "name,domains,industry\nKeep One,keep-1.sentinel.example,Stays\n"
                + "Keep Two,keep-2.sentinel.example,Stays too\n";
    JsonNode first = finished(upload(admin, kind, sentinels.getBytes(StandardCharsets.UTF_8)));
    assertThat(first.path("status").asString()).isEqualTo("done");
    String sentinelRows =
        kind.equals("persons")
            ? "select p.* from person p join person_email e on e.person_id = p.id"
                + " where e.email like '%@sentinel.example' order by p.id"
            : "select * from account where name like 'Keep %' order by id";
    List<Map<String, Object>> before = jdbc.sql(sentinelRows).query().listOfRows();
    assertThat(before).hasSize(2);
    long[] count = {count(table)};
    Fuzz.target("csv-" + kind, "csv", new CsvMutator())
        .tries(30)
        .slowAfter(30_000)
        .run(
            csv -> {
              MockHttpServletResponse started = upload(admin, kind, csv);
              assertThat(started.getStatus()).as(started.getContentAsString()).isLessThan(500);
              if (started.getStatus() == 202) {
                check(finished(started), csv);
              }
              long now = count(table);
              assertThat(now).as("stored %s", table).isGreaterThanOrEqualTo(count[0]);
              count[0] = now;
              assertThat(jdbc.sql(sentinelRows).query().listOfRows()).isEqualTo(before);
            });
  }

  private void check(JsonNode status, byte[] csv) throws Exception {
    String message = status.path("message").asString("");
    assertThat(message).as("import message").doesNotStartWith("the import stopped");
    if (!status.path("status").asString().equals("done")) {
      assertThat(status.path("status").asString()).isEqualTo("failed");
      assertThat(message).isNotBlank();
      return;
    }
    String id = status.path("id").asString();
    JsonNode problems =
        json.readTree(
            access
                .mvc()
                .perform(get("/api/v1/imports/" + id + "/errors").with(access.as(Role.ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    Set<Integer> rejectedRows = new HashSet<>();
    for (JsonNode p : problems) {
      int row = p.path("row").asInt();
      String reason = p.path("reason").asString();
      assertThat(row).as(reason).isBetween(1, status.path("processed").asInt() + 1);
      assertThat(p.path("field").asString()).as(reason).isNotBlank();
      // a chunk the database refused names no field and takes the good rows with it
      assertThat(reason).doesNotContain("the database refused");
      if (reason.startsWith("malformed row: ") && !reason.contains("expected ")) {
        assertThat(reason).containsPattern(LINE_AND_COLUMN);
      }
      if (row > 1) {
        rejectedRows.add(row);
      }
    }
    assertThat(rejectedRows)
        .as("rows with a problem, %s", new String(csv, StandardCharsets.UTF_8))
        .hasSize(status.path("rejected").asInt());
    String text = new String(csv, StandardCharsets.UTF_8);
    if (text.indexOf('"') < 0) {
      // without quotes every non-empty line is a record: each must be read, none skipped
      long lines = text.lines().filter(l -> !l.isEmpty()).count();
      assertThat(status.path("processed").asLong()).as("records read").isEqualTo(lines - 1);
    }
    assertThat(status.path("created").asInt() + status.path("updated").asInt())
        .isLessThanOrEqualTo(status.path("processed").asInt() - rejectedRows.size());
  }

  private MockHttpServletResponse upload(RequestPostProcessor as, String kind, byte[] csv)
      throws Exception {
    return access
        .mvc()
        .perform(
            multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", "fuzz.csv", "text/csv", csv))
                .param("kind", kind)
                .with(as))
        .andReturn()
        .getResponse();
  }

  private JsonNode finished(MockHttpServletResponse started) throws Exception {
    String location = started.getHeader("Location");
    assertThat(location).as(started.getContentAsString()).isNotNull();
    JsonNode[] last = new JsonNode[1];
    await()
        .pollInterval(Duration.ofMillis(20))
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              last[0] =
                  json.readTree(
                      access
                          .mvc()
                          .perform(get(location).with(access.as(Role.ADMIN)))
                          .andReturn()
                          .getResponse()
                          .getContentAsString(StandardCharsets.UTF_8));
              return !last[0].path("finishedAt").isNull()
                  && !last[0].path("finishedAt").isMissingNode();
            });
    return last[0];
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
