package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a user sees of a mention: readings, spans and rules as structured JSON; the filtered, paged
 * list newest post first; the mention page linked to the person both ways; the readings on the
 * person's timeline; saved filters per user.
 */
@PersistenceTest
class MentionSurfacesTest {

  @Autowired AccessFixtures fixtures;
  @Autowired Sources sources;
  @Autowired ListeningRules rules;
  @Autowired ObjectMapper json;
  MockMvc mvc;

  /** A word only this test's posts contain, so the filters see only them. */
  String word;

  long ruleId;

  @BeforeEach
  void setUp() {
    mvc = fixtures.mvc();
    word = "surf" + UUID.randomUUID().toString().substring(0, 8);
    ruleId = rules.create("Surface " + word, word, true).id();
  }

  private NormalizedPost postBy(String handle, String text, Instant at, String network) {
    return new NormalizedPost(
        network,
        UUID.randomUUID().toString(),
        new NormalizedPost.Author(handle, "Name of " + handle, "https://example.social/" + handle),
        text,
        "https://example.social/" + handle + "/1",
        at,
        "en",
        null,
        null,
        null,
        Map.of(),
        "{\"raw\":\"" + word + "\"}");
  }

  private void ingest(NormalizedPost... posts) {
    assertThat(sources.ingest("surfaces-" + word, List.of(posts)).mentions())
        .isEqualTo(posts.length);
  }

  private MockHttpServletResponse call(String path, Role role) throws Exception {
    return mvc.perform(get(path).with(fixtures.as(role))).andReturn().getResponse();
  }

  private JsonNode api(String path) throws Exception {
    MockHttpServletResponse r = call(path, Role.ADMIN);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    return json.readTree(r.getContentAsString());
  }

  private Instant daysAgo(int days) {
    return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
  }

  @Test
  void apiGivesReadingsSpansAndRulesAsStructuredJson() throws Exception {
    ingest(
        postBy(
            "@newjob",
            "New job! So happy and thrilled to start at Globex today, I love this team! We are"
                + " looking for a CRM recommendation. "
                + word,
            daysAgo(1),
            "mastodon"));
    JsonNode m = api("/api/v1/mentions?limit=5&rule=" + ruleId).get(0);
    assertThat(m.get("readings").isObject()).isTrue();
    assertThat(m.at("/readings/sentiment/label").asString()).isEqualTo("positive");
    assertThat(m.at("/readings/events/0/event").asString()).isEqualTo("NEW_JOB");
    assertThat(m.at("/readings/events/0/timing").asString()).isEqualTo("TRIGGER");
    assertThat(m.at("/readings/events/0/evidence/0/text").asString()).isEqualTo("New job");
    assertThat(m.get("spans").isArray()).isTrue();
    assertThat(m.at("/spans/0/rule").asString()).isEqualTo(Long.toString(ruleId));
    assertThat(m.get("ruleIds").isArray()).isTrue();
    assertThat(m.at("/rules/0/name").asString()).isEqualTo("Surface " + word);
    assertThat(m.at("/rules/0/terms/0").asString()).isEqualTo(word);
    assertThat(m.get("personId").isNumber()).isTrue();
    assertThat(m.at("/links/page").asString()).isEqualTo("/listening/mentions/" + m.get("id"));

    JsonNode one = api("/api/v1/mentions/" + m.get("id"));
    assertThat(one.at("/readings/sentiment/label").asString()).isEqualTo("positive");
  }

  @Test
  void listIsNewestPostFirstPagedCountedAndFiltered() throws Exception {
    ingest(
        postBy(
            "@old",
            word + " this crm is down again, still waiting. Terrible.",
            daysAgo(5),
            "bluesky"),
        postBy("@newest", word + " I love this, great work", daysAgo(1), "mastodon"),
        postBy("@middle", word + " new job! Thrilled to start today", daysAgo(3), "mastodon"));
    String rule = "rule=" + ruleId;
    MockHttpServletResponse first = call("/api/v1/mentions?" + rule + "&size=2", Role.ADMIN);
    assertThat(first.getHeader("X-Total-Count")).isEqualTo("3");
    assertThat(first.getHeader("Link")).contains("page=1&size=2>; rel=\"next\"").contains(rule);
    JsonNode items = json.readTree(first.getContentAsString());
    assertThat(handles(items)).containsExactly("@newest", "@middle");
    assertThat(handles(api("/api/v1/mentions?" + rule + "&size=2&page=1"))).containsExactly("@old");
    assertThat(handles(api("/api/v1/mentions?" + rule + "&network=bluesky")))
        .containsExactly("@old");
    assertThat(handles(api("/api/v1/mentions?" + rule + "&sentiment=negative")))
        .containsExactly("@old");
    assertThat(handles(api("/api/v1/mentions?" + rule + "&event=new_job")))
        .containsExactly("@middle");
    assertThat(handles(api("/api/v1/mentions?" + rule + "&author=NEWE")))
        .containsExactly("@newest");
    String from = daysAgo(4).toString().substring(0, 10);
    String to = daysAgo(2).toString().substring(0, 10);
    assertThat(handles(api("/api/v1/mentions?" + rule + "&from=" + from + "&to=" + to)))
        .containsExactly("@middle");

    MockHttpServletResponse bad =
        call("/api/v1/mentions?sentiment=furious&from=yesterday", Role.ADMIN);
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString()).contains("sentiment").contains("from");
  }

  private static List<String> handles(JsonNode items) {
    return items.valueStream().map(i -> i.get("authorHandle").asString()).toList();
  }

  @Test
  void mentionPageShowsReadingsRulesAndPersonAndTheRawPayloadToAdminsOnly() throws Exception {
    ingest(
        postBy("@pageauthor", "New job! Thrilled to start today " + word, daysAgo(1), "mastodon"));
    JsonNode m = api("/api/v1/mentions?rule=" + ruleId).get(0);
    long id = m.get("id").asLong();
    long person = m.get("personId").asLong();

    String list = call("/listening?rule=" + ruleId, Role.VIEWER).getContentAsString();
    assertThat(list).contains("href=\"/listening/mentions/" + id + "\"");
    assertThat(list).contains("href=\"/persons/" + person + "\"");
    assertThat(list).contains("1</strong>\n        <span>matching mentions");

    String admin = call("/listening/mentions/" + id, Role.ADMIN).getContentAsString();
    assertThat(admin)
        .contains("Positive")
        .contains("New job · trigger")
        .contains("class=\"hl-evidence\" title=\"Positive; New job\">New job</mark>")
        .contains("class=\"hl-rule\" title=\"Rule: Surface " + word + "\">" + word + "</mark>")
        .contains("aria-describedby=\"why-" + id + "-0\"")
        .contains("href=\"/persons/" + person + "\"")
        .contains("Raw payload")
        .contains("Next steps");
    String viewer = call("/listening/mentions/" + id, Role.VIEWER).getContentAsString();
    assertThat(viewer).contains("New job · trigger").doesNotContain("Raw payload");

    assertThat(call("/listening/mentions/" + id + "/card", Role.VIEWER).getContentAsString())
        .contains("New job · trigger")
        .doesNotContain("<html");
    assertThat(call("/listening/mentions/999999999", Role.VIEWER).getStatus()).isEqualTo(404);
    assertThat(call("/api/v1/mentions/999999999", Role.VIEWER).getStatus()).isEqualTo(404);
  }

  @Test
  void personTimelineShowsThePostsReadingsAndLinksToTheMention() throws Exception {
    ingest(postBy("@timeline", "New job! Thrilled to start today " + word, daysAgo(1), "mastodon"));
    JsonNode m = api("/api/v1/mentions?rule=" + ruleId).get(0);
    String timeline =
        call("/timeline/persons/" + m.get("personId").asLong(), Role.ADMIN).getContentAsString();
    assertThat(timeline)
        .contains("New job · trigger 0.")
        .contains("Positive +0.")
        .contains("<mark class=\"hl-evidence\">New job</mark>")
        .contains("href=\"/listening/mentions/" + m.get("id").asLong() + "\"");
  }

  @Test
  void postTextInHighlightsIsNeverMarkup() throws Exception {
    ingest(
        postBy(
            "@angle",
            "<img src=x onerror=alert(1)> " + word + " <script>alert(2)</script>",
            daysAgo(1),
            "mastodon"));
    String html = call("/listening?rule=" + ruleId, Role.VIEWER).getContentAsString();
    assertThat(html)
        .contains("&lt;img src=x onerror=")
        .contains("&lt;script&gt;")
        .contains("(2)&lt;/script&gt;")
        .doesNotContain("<img src=x")
        .doesNotContain("<script>alert(2)");
  }

  @Test
  void savedFiltersBelongToTheirUser() throws Exception {
    var alice = fixtures.user(Role.MARKETING);
    var bob = fixtures.user(Role.MARKETING);
    mvc.perform(
            post("/listening/filters")
                .with(alice.session())
                .with(csrf())
                .param("name", "Bad news " + word)
                .param("sentiment", "negative")
                .param("rule", Long.toString(ruleId)))
        .andReturn();
    String alicePage =
        mvc.perform(get("/listening").with(alice.session()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(alicePage)
        .contains("Bad news " + word)
        .contains("href=\"/listening?rule=" + ruleId + "&amp;sentiment=negative\"");
    String bobPage =
        mvc.perform(get("/listening").with(bob.session()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(bobPage).doesNotContain("Bad news " + word);

    String refused =
        mvc.perform(
                post("/listening/filters")
                    .with(alice.session())
                    .with(csrf())
                    .param("name", " ")
                    .param("sentiment", "negative"))
            .andReturn()
            .getFlashMap()
            .get("saveError")
            .toString();
    assertThat(refused).contains("name");
  }

  @Test
  void aPostWithoutATimeSaysDateUnknownAndSortsByItsFetchTime() throws Exception {
    NormalizedPost dated = postBy("@dated", word + " a dated post", daysAgo(2), "web");
    NormalizedPost p = postBy("@undated", word + " an undated entry", daysAgo(1), "web");
    NormalizedPost undated =
        new NormalizedPost(
            p.network(),
            p.nativeId(),
            p.author(),
            p.text(),
            p.url(),
            p.createdAt(),
            p.language(),
            null,
            null,
            null,
            Map.of(),
            p.rawPayload(),
            null,
            null,
            null,
            true);
    ingest(dated, undated);
    JsonNode list = api("/api/v1/mentions?rule=" + ruleId);
    assertThat(handles(list)).containsExactly("@undated", "@dated");
    assertThat(list.get(0).get("timeUnknown").asBoolean()).isTrue();
    assertThat(list.get(1).get("timeUnknown").asBoolean()).isFalse();
    String page = call("/listening?rule=" + ruleId, Role.VIEWER).getContentAsString();
    assertThat(page).contains("date unknown (fetched <time");
    assertThat(page.split("date unknown", -1)).hasSize(2);
  }
}
