package dev.rapport.sales.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.rapport.access.Role;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.Stage;
import dev.rapport.lifecycle.StageChange;
import dev.rapport.people.PersonId;
import dev.rapport.sales.LeadSource;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * From a heard post to a lead: a post asking for a recommendation arrives through the ingest API,
 * matches a rule, and its author's score (recomputed by a durable listener) crosses the Lead
 * threshold, which moves them with the reason written to the lifecycle history. Redelivery changes
 * nothing; a touchpoint rescored through the timeline's event is appended as a new row.
 */
@PersistenceTest
class LeadJourneyTest {

  @Autowired AccessFixtures access;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired Lifecycle lifecycle;
  @Autowired LeadSettings settings;
  @Autowired LeadScoring scoring;
  @Autowired LeadStore store;
  @Autowired Timeline timeline;
  @Autowired TestRecords records;
  @Autowired LeadListeners listeners;

  LeadSettings.View before;
  Stage prospect;
  Stage lead;

  @BeforeEach
  void lowerTheLeadThreshold() {
    before = settings.view();
    List<Stage> stages = lifecycle.activeModel().stages();
    prospect = stages.get(1);
    lead = stages.get(2);
    settings.save(
        new LeadSettings.View(
            30,
            14,
            List.of(
                new LeadSettings.ThresholdView(prospect.id(), null, 0, 20),
                new LeadSettings.ThresholdView(lead.id(), null, 0, 35))));
  }

  @AfterEach
  void restore() {
    settings.save(before);
  }

  String adminJson(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return access.mvc().perform(request).andReturn().getResponse().getContentAsString();
  }

  @Test
  void aPostAskingForARecommendationMakesItsAuthorALeadWithTheReasonInTheHistory()
      throws Exception {
    var admin = access.as(Role.ADMIN);
    String word = "leadjourney" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    adminJson(
        post("/api/v1/listening/rules")
            .with(admin)
            .with(
                org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"crm " + word + "\",\"query\":\"" + word + "\"}"));
    JsonNode source =
        json.readTree(
            adminJson(
                post("/api/v1/sources")
                    .with(admin)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\":\"hook " + word + "\",\"kind\":\"WEBHOOK\",\"config\":{}}")));
    String token = source.get("token").asString();
    String nativeId = UUID.randomUUID().toString();
    String handle = "@" + word + "@example.social";
    MockHttpServletResponse ingested =
        access
            .mvc()
            .perform(
                post("/api/v1/ingest")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"network":"mastodon","id":"%s","author":{"handle":"%s",
                         "displayName":"Rae","profileUrl":"https://example.social/%s"},
                         "text":"Can anyone recommend a good CRM for a small team? %s",
                         "url":"https://example.social/%s","createdAt":"%s","language":"en"}
                        """
                            .formatted(nativeId, handle, word, word, nativeId, Instant.now())))
            .andReturn()
            .getResponse();
    assertThat(ingested.getContentAsString()).contains("\"mentions\":1");
    long mentionId =
        jdbc.sql("select id from listening_mention where native_id = :n")
            .param("n", nativeId)
            .query(Long.class)
            .single();
    PersonId author =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    jdbc.sql("select author_person_id from listening_mention where id = :id")
                        .param("id", mentionId)
                        .query(Long.class)
                        .optional()
                        .map(PersonId::new)
                        .orElse(null),
                p -> p != null);

    StageChange moved =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    lifecycle.history(author).stream()
                        .filter(c -> c.by().equals(LeadScoring.BY))
                        .findFirst()
                        .orElse(null),
                c -> c != null);
    assertThat(moved.to().id()).isEqualTo(lead.id());
    assertThat(moved.why()).matches("score \\d+ \u2265 35: asked for recommendations on Mastodon");
    int score = Integer.parseInt(moved.why().replaceAll("^score (\\d+) .*", "$1"));
    assertThat(score).isGreaterThanOrEqualTo(35);

    // the explanation names the mention behind the intent
    JsonNode explained =
        json.readTree(adminJson(get("/api/v1/persons/{id}/score", author.value()).with(admin)));
    assertThat(explained.at("/score/total").asInt()).isEqualTo(score);
    JsonNode reason = explained.at("/score/intent/reasons/0");
    assertThat(reason.get("text").asString()).isEqualTo("asked for recommendations on Mastodon");
    assertThat(reason.get("recordType").asString()).isEqualTo("mention");
    assertThat(reason.get("recordId").asLong()).isEqualTo(mentionId);
    assertThat(store.source(author)).contains(LeadSource.LISTENING_RULE);

    // the lead list shows them; redelivering the event appends nothing and moves nobody again
    String list = adminJson(get("/api/v1/leads?sort=intent&limit=500").with(admin));
    assertThat(list).contains("\"person\":" + author.value() + ",");
    // each lead in the list carries the strongest reason of its score
    assertThat(list.substring(list.indexOf("\"person\":" + author.value() + ",")))
        .containsPattern("^[^}]*\"reason\":\"asked for recommendations on Mastodon\"");
    long rows = scoreRows(author);
    scoring.rescore(author, "mention " + mentionId, LeadSource.LISTENING_RULE, null);
    scoring.rescore(author, "mention " + mentionId, LeadSource.LISTENING_RULE, null);
    assertThat(scoreRows(author)).isEqualTo(rows);
    assertThat(lifecycle.history(author).stream().filter(c -> c.by().equals(LeadScoring.BY)))
        .hasSize(1);
  }

  @Test
  void aHeardPostsTouchpointArrivingBeforeItsMentionStillNamesListeningAsTheSource() {
    // the registry delivers the timeline's TouchpointAdded and listening's MentionCaptured in no
    // fixed order; whichever comes first creates the lead row and fixes its source
    PersonId person = records.person();
    listeners.on(
        new dev.rapport.timeline.TouchpointAdded(
            1L, person, TouchpointKind.POST, dev.rapport.timeline.Direction.IN, Instant.now()));
    // the listener is asynchronous (an application module listener), even when called directly
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(store.source(person)).contains(LeadSource.LISTENING_RULE));

    PersonId met = records.person();
    listeners.on(
        new dev.rapport.timeline.TouchpointAdded(
            2L, met, TouchpointKind.MEETING, dev.rapport.timeline.Direction.OUT, Instant.now()));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(store.source(met)).contains(LeadSource.MANUAL));
  }

  @Test
  void aNewTouchpointRescoresThroughTheTimelinesEventAndAppendsARow() {
    PersonId person = records.person();
    scoring.rescore(person, "first", LeadSource.MANUAL, null);
    long rows = scoreRows(person);
    int engagementBefore = store.latest(person).orElseThrow().engagement().points();
    timeline.append(
        NewTouchpoint.of(
            person,
            null,
            TouchpointKind.MEETING,
            "meeting",
            null,
            Instant.now().minusSeconds(60),
            "test",
            "demo call",
            new SourceRef("test.meeting", UUID.randomUUID().toString(), null)));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(scoreRows(person)).isEqualTo(rows + 1));
    var latest = store.latest(person).orElseThrow();
    assertThat(latest.engagement().points()).isEqualTo(engagementBefore + 10);
    assertThat(latest.engagement().reasons().get(0).recordType()).isEqualTo("touchpoint");
  }

  @Test
  void settingsRefuseThresholdsThatGoBackwardsAndNameTheField() throws Exception {
    var admin = access.as(Role.ADMIN);
    MockHttpServletResponse r =
        access
            .mvc()
            .perform(
                put("/api/v1/leads/settings")
                    .with(admin)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"engagementHalfLifeDays\":0,\"intentHalfLifeDays\":14,\"thresholds\":"
                            + "[{\"stageId\":"
                            + prospect.id()
                            + ",\"minScore\":60},{\"stageId\":"
                            + lead.id()
                            + ",\"minScore\":50},{\"stageId\":-4,\"minScore\":101}]}"))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString())
        .contains("engagementHalfLifeDays")
        .contains("thresholds[2].stageId")
        .contains("thresholds[2].minScore");
    assertThat(settings.view()).isEqualTo(settings.view()); // nothing half-saved below
    assertThat(settings.view().engagementHalfLifeDays()).isEqualTo(30);
  }

  long scoreRows(PersonId person) {
    return jdbc.sql("select count(*) from sales_lead_score where person_id = :p")
        .param("p", person.value())
        .query(Long.class)
        .single();
  }
}
