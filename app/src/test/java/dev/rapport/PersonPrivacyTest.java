package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * GDPR access and erasure (docs/privacy.md): a person heard by listening, then given a name, an
 * email, a second identity, notes, stage moves and a merged duplicate, is exported section by
 * section and then erased; afterwards no text column of any table holds their name, email, handles
 * or the words of their posts and notes, and a new post from their handle creates nobody.
 */
@PersistenceTest
class PersonPrivacyTest {

  @Autowired AccessFixtures access;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired Sources sources;
  @Autowired Lifecycle lifecycle;

  /** Everything the test gave the person, each a text no other test writes. */
  record Subject(
      long id,
      long merged,
      String first,
      String last,
      String email,
      String handle,
      String handleKey,
      String secondHandle,
      String postWord,
      String noteWord,
      String stageWord,
      String ruleWord,
      String source) {

    List<String> needles() {
      return List.of(
          first, last, email, handleKey, secondHandle, postWord, noteWord, stageWord, "dup" + last);
    }
  }

  @Test
  void anErasedPersonLeavesNoTraceAndIsNotHeardAgain() throws Exception {
    TestUser admin = access.user(Role.ADMIN);
    String token = access.token(admin);
    Subject s = seed(token);
    assertThat(hits(s.needles())).as("the seed is findable before erasure").isNotEmpty();

    MockHttpServletResponse erased =
        api("POST", "/api/v1/persons/" + s.id() + "/erase", "{'reason':'GDPR request 42'}", token);
    assertThat(erased.getStatus()).as(erased.getContentAsString()).isEqualTo(200);
    assertThat(json.readTree(erased.getContentAsString()).get("records").asInt()).isEqualTo(2);

    assertThat(hits(s.needles())).as("text columns still holding the erased person").isEmpty();
    assertThat(count("select count(*) from person where id in (:ids)", s.id(), s.merged()))
        .isZero();
    assertThat(
            count("select count(*) from touchpoint where person_id in (:ids)", s.id(), s.merged()))
        .isZero();
    assertThat(
            count(
                "select count(*) from stage_change where person_id in (:ids)", s.id(), s.merged()))
        .isZero();
    assertThat(api("GET", "/api/v1/persons/" + s.id(), null, token).getStatus()).isEqualTo(404);

    // the erasure's own audit row keeps the id and the reason, nothing more
    List<String> audit =
        jdbc.sql(
                "select new_value from audit_log where object_type = 'person' and object_id = :id"
                    + " and action = 'DELETE'")
            .param("id", String.valueOf(s.id()))
            .query(String.class)
            .list();
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0)).contains("GDPR request 42").contains("\"erased\":true");

    // the blocklist holds hashes (handle per network, profile URL) and says who and why
    JsonNode blocked =
        json.readTree(api("GET", "/api/v1/privacy/blocklist", null, token).getContentAsString());
    List<JsonNode> mine = new ArrayList<>();
    blocked.forEach(
        e -> {
          if (e.get("reason").asString().equals("GDPR request 42")) {
            mine.add(e);
          }
        });
    assertThat(mine).hasSizeGreaterThanOrEqualTo(2);
    for (JsonNode e : mine) {
      assertThat(e.get("hash").asString()).matches("[0-9a-f]{64}");
      assertThat(e.get("blockedBy").asString()).isEqualTo(admin.username());
    }

    // a new post from the same handle is refused before anyone is created, and leaves no text
    String laterWord = word();
    Sources.IngestOutcome later =
        sources.ingest(
            s.source(),
            List.of(post(s.handle(), s.first() + " " + s.last(), s.ruleWord() + " " + laterWord)));
    assertThat(later.mentions()).isZero();
    assertThat(later.rejected()).isEqualTo(1);
    assertThat(count("select count(*) from social_identity where handle_key = :k", s.handleKey()))
        .isZero();
    List<String> again = new ArrayList<>(s.needles());
    again.add(laterWord);
    assertThat(hits(again)).as("text columns after a post from the erased handle").isEmpty();
    long blockedCount =
        jdbc.sql(
                "select coalesce(sum(c.rejected), 0) from listening_source_count c"
                    + " join listening_source s on s.id = c.source_id where s.name = :n")
            .param("n", s.source())
            .query(Long.class)
            .single();
    long folded =
        jdbc.sql("select rejected_total from listening_source where name = :n")
            .param("n", s.source())
            .query(Long.class)
            .single();
    assertThat(blockedCount + folded).as("refused posts counted for the source").isEqualTo(1);

    // removing the entries lets listening hear the handle again
    for (JsonNode e : mine) {
      MockHttpServletResponse removed =
          api("DELETE", "/api/v1/privacy/blocklist/" + e.get("id").asLong(), null, token);
      assertThat(removed.getStatus()).isEqualTo(204);
    }
    Sources.IngestOutcome heard =
        sources.ingest(
            s.source(), List.of(post(s.handle(), "Back Again", s.ruleWord() + " " + word())));
    assertThat(heard.mentions()).isEqualTo(1);
    assertThat(count("select count(*) from social_identity where handle_key = :k", s.handleKey()))
        .isEqualTo(1);
  }

  @Test
  void theExportHoldsEverySectionWithItsContent() throws Exception {
    TestUser admin = access.user(Role.ADMIN);
    String token = access.token(admin);
    Subject s = seed(token);
    MockHttpServletResponse response =
        api("GET", "/api/v1/persons/" + s.id() + "/export", null, token);
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Disposition")).contains("person-" + s.id() + ".json");
    JsonNode doc = json.readTree(response.getContentAsString());
    assertThat(doc.get("personId").asLong()).isEqualTo(s.id());
    assertThat(doc.get("person").toString()).contains(s.first()).contains(s.last());
    assertThat(doc.get("person")).as("the person and the record merged into them").hasSize(2);
    assertThat(doc.get("emails").toString()).contains(s.email());
    assertThat(doc.get("account").get("name").asString()).startsWith("Privacy Co");
    assertThat(doc.get("identities").toString()).contains(s.handleKey()).contains(s.secondHandle());
    assertThat(doc.get("merges").toString()).contains("same human");
    assertThat(doc.get("touchpoints").toString()).contains(s.postWord()).contains(s.noteWord());
    assertThat(doc.get("notes")).hasSize(1);
    assertThat(doc.get("notes").get(0).get("summary").asString()).contains(s.noteWord());
    assertThat(doc.get("stageHistory")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(doc.get("stageHistory").toString()).contains(s.stageWord());
    assertThat(doc.get("stageHistory").get(0).has("to_stage")).isTrue();
    JsonNode mentions = doc.get("mentions");
    assertThat(mentions).hasSize(1);
    assertThat(mentions.get(0).get("text").asString()).contains(s.postWord());
    assertThat(mentions.get(0).get("raw_payload").asString()).contains("raw-" + s.postWord());
    assertThat(doc.get("audit").toString()).contains(s.email()).contains(s.handleKey());
    // the export is audited, by id only
    assertThat(
            count(
                "select count(*) from audit_log where object_type = 'person_export'"
                    + " and object_id = :id",
                String.valueOf(s.id())))
        .isEqualTo(1);
  }

  @Test
  void hiddenPersonsCannotBeExportedOrErasedAndOnlyAdminsErase() throws Exception {
    TestUser admin = access.user(Role.ADMIN);
    String adminToken = access.token(admin);
    Team north = access.team();
    Team south = access.team();
    TestUser owner = access.user(Role.SALES, north);
    TestUser stranger = access.user(Role.SALES, south);
    TestUser teammate = access.user(Role.SALES, north);
    setVisibility("team", adminToken);
    try {
      long id =
          created(
              api(
                  "POST",
                  "/api/v1/persons",
                  "{'firstName':'Hidden','lastName':'H"
                      + word()
                      + "','ownerUserId':"
                      + owner.id()
                      + "}",
                  adminToken));
      String strangerToken = access.token(stranger);
      MockHttpServletResponse export =
          api("GET", "/api/v1/persons/" + id + "/export", null, strangerToken);
      assertThat(export.getStatus()).isEqualTo(404);
      assertThat(export.getContentAsString()).doesNotContain("Hidden");
      // permission first: a sales user may erase nobody, hidden or not, so nothing leaks
      assertThat(
              api("POST", "/api/v1/persons/" + id + "/erase", "{'reason':'x'}", strangerToken)
                  .getStatus())
          .isEqualTo(403);
      String teammateToken = access.token(teammate);
      assertThat(api("GET", "/api/v1/persons/" + id + "/export", null, teammateToken).getStatus())
          .isEqualTo(200);
      assertThat(
              api("POST", "/api/v1/persons/" + id + "/erase", "{'reason':'x'}", teammateToken)
                  .getStatus())
          .isEqualTo(403);
      assertThat(api("GET", "/api/v1/privacy/blocklist", null, teammateToken).getStatus())
          .isEqualTo(403);
      assertThat(count("select count(*) from person where id = :ids", id)).isEqualTo(1);
      // an admin's erasure needs a reason, named in the answer
      MockHttpServletResponse noReason =
          api("POST", "/api/v1/persons/" + id + "/erase", "{'reason':'  '}", adminToken);
      assertThat(noReason.getStatus()).isEqualTo(400);
      assertThat(noReason.getContentAsString()).contains("reason");
      assertThat(count("select count(*) from person where id = :ids", id)).isEqualTo(1);
    } finally {
      setVisibility("everyone", adminToken);
    }
  }

  // ---- the person ----

  private Subject seed(String token) throws Exception {
    String tag = word();
    String first = "Prfirst" + tag;
    String last = "Prlast" + tag;
    String email = "pr" + tag + "@privacy.example";
    String handleKey = "pr" + tag + "@example.social";
    String handle = "@" + handleKey;
    String secondHandle = "pr" + tag + ".bsky.social";
    String postWord = word();
    String noteWord = word();
    String stageWord = word();
    String ruleWord = "prrule" + tag;
    String source = "privacy-" + tag;
    created(
        api(
            "POST",
            "/api/v1/listening/rules",
            "{'name':'privacy " + tag + "','query':'" + ruleWord + "'}",
            token));
    Sources.IngestOutcome heard =
        sources.ingest(
            source, List.of(post(handle, first + " " + last, ruleWord + " I said " + postWord)));
    assertThat(heard.mentions()).isEqualTo(1);
    long id =
        jdbc.sql("select person_id from social_identity where handle_key = :k")
            .param("k", handleKey)
            .query(Long.class)
            .single();
    long account =
        created(api("POST", "/api/v1/accounts", "{'name':'Privacy Co " + tag + "'}", token));
    MockHttpServletResponse named =
        api(
            "PUT",
            "/api/v1/persons/" + id,
            "{'firstName':'"
                + first
                + "','lastName':'"
                + last
                + "','emails':['"
                + email
                + "'],'phones':['+49 30 1234567'],'tags':['gdpr'],'accountId':"
                + account
                + "}",
            token);
    assertThat(named.getStatus()).as(named.getContentAsString()).isEqualTo(200);
    created(
        api(
            "POST",
            "/api/v1/persons/" + id + "/identities",
            "{'network':'bluesky','handle':'" + secondHandle + "'}",
            token));
    created(
        api(
            "POST",
            "/api/v1/persons/" + id + "/touchpoints",
            "{'kind':'note','channel':'note','occurredAt':'2026-01-02T03:04:05Z','summary':'called,"
                + " said "
                + noteWord
                + "','source':{'type':'privacy-test','id':'"
                + tag
                + "'}}",
            token));
    long productLine = lifecycle.productLines().get(0).id();
    var stages = lifecycle.activeModel().stages();
    for (int i = 0; i < 2; i++) {
      MockHttpServletResponse moved =
          api(
              "POST",
              "/api/v1/persons/" + id + "/stages",
              "{'productLineId':"
                  + productLine
                  + ",'stageId':"
                  + stages.get(stages.size() - 1 - i).id()
                  + ",'why':'"
                  + stageWord
                  + " "
                  + i
                  + "'}",
              token);
      assertThat(moved.getStatus()).as(moved.getContentAsString()).isIn(201, 400);
    }
    long duplicate =
        created(
            api(
                "POST",
                "/api/v1/persons",
                "{'firstName':'" + first + "','lastName':'dup" + last + "'}",
                token));
    MockHttpServletResponse merged =
        api(
            "POST",
            "/api/v1/merges",
            "{'survivorId':" + id + ",'mergedId':" + duplicate + ",'reason':'same human'}",
            token);
    assertThat(merged.getStatus()).as(merged.getContentAsString()).isBetween(200, 201);
    assertThat(
            count(
                "select count(*) from stage_change where person_id = :ids and why like '%"
                    + stageWord
                    + "%'",
                id))
        .isGreaterThanOrEqualTo(1);
    return new Subject(
        id,
        duplicate,
        first,
        last,
        email,
        handle,
        handleKey,
        secondHandle,
        postWord,
        noteWord,
        stageWord,
        ruleWord,
        source);
  }

  private static NormalizedPost post(String handle, String displayName, String text) {
    String nativeId = UUID.randomUUID().toString();
    return new NormalizedPost(
        "mastodon",
        nativeId,
        new NormalizedPost.Author(handle, displayName, null),
        text,
        "https://example.social/" + nativeId,
        Instant.now(),
        "en",
        null,
        null,
        null,
        Map.of(),
        "{\"id\":\""
            + nativeId
            + "\",\"acct\":\""
            + handle
            + "\",\"content\":\"raw-"
            + text.substring(text.lastIndexOf(' ') + 1)
            + "\"}");
  }

  // ---- the scan ----

  /**
   * Every text column of every table in the schema (read from INFORMATION_SCHEMA, so a table added
   * later is scanned too) that holds one of the needles, case-insensitively, as "table.column:
   * needle".
   */
  private List<String> hits(List<String> needles) {
    List<Map<String, Object>> columns =
        jdbc.sql(
                """
                select c.table_name, c.column_name, c.data_type
                from information_schema.columns c
                join information_schema.tables t
                  on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema and t.table_type = 'BASE TABLE'
                """)
            .query()
            .listOfRows();
    List<String> found = new ArrayList<>();
    int scanned = 0;
    for (Map<String, Object> col : columns) {
      String type = String.valueOf(col.get("data_type")).toLowerCase(Locale.ROOT);
      if (!(type.contains("char")
          || type.contains("text")
          || type.contains("json")
          || type.contains("clob")
          || type.contains("large object"))) {
        continue;
      }
      scanned++;
      String table = String.valueOf(col.get("table_name"));
      String column = String.valueOf(col.get("column_name"));
      for (String needle : needles) {
        long n =
            jdbc.sql(
                    "select count(*) from "
                        + table
                        + " where lower(cast("
                        + column
                        + " as varchar)) like :p")
                .param("p", "%" + needle.toLowerCase(Locale.ROOT) + "%")
                .query(Long.class)
                .single();
        if (n > 0) {
          found.add(table + "." + column + ": " + needle);
        }
      }
    }
    assertThat(scanned).as("text columns scanned").isGreaterThan(50);
    return found;
  }

  // ---- helpers ----

  private static String word() {
    byte[] b = new byte[5];
    ThreadLocalRandom.current().nextBytes(b);
    return "zq" + HexFormat.of().formatHex(b);
  }

  private long count(String sql, Object... ids) {
    var spec = jdbc.sql(sql);
    if (sql.contains(":ids")) {
      spec = spec.param("ids", List.of(ids));
    } else if (sql.contains(":k")) {
      spec = spec.param("k", ids[0]);
    } else if (sql.contains(":id")) {
      spec = spec.param("id", ids[0]);
    }
    return spec.query(Long.class).single();
  }

  private void setVisibility(String level, String token) throws Exception {
    MockHttpServletResponse r =
        api("PUT", "/api/v1/visibility/person", "{'level':'" + level + "'}", token);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
  }

  private long created(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    return json.readTree(response.getContentAsString()).get("id").asLong();
  }

  private MockHttpServletResponse api(String method, String path, String body, String token) {
    try {
      MockHttpServletRequestBuilder request =
          MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
              .accept(MediaType.APPLICATION_JSON)
              .with(AccessFixtures.bearer(token));
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).content(body.replace('\'', '"'));
      }
      return access.mvc().perform(request).andReturn().getResponse();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
