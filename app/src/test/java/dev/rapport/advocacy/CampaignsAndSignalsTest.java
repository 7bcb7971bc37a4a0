package dev.rapport.advocacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.care.CaseClosed;
import dev.rapport.listening.BrandTagsUsed;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Campaigns refuse bad input by field (a link without UTM parameters, a tag with a space or an
 * emoji, a landing page that is not http or https) and tag the touchpoints that carry their link or
 * tag; the score hears positive posts (through listening's ingest) and brand tags (a post whose
 * author is found by handle), and an unhappy case counts against.
 */
@PersistenceTest
class CampaignsAndSignalsTest {

  @Autowired AccessFixtures access;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired SocialIdentities identities;
  @Autowired Sources sources;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;

  MockHttpServletResponse send(String method, String path, String body, Role role)
      throws Exception {
    var r =
        (method.equals("GET") ? get(path) : post(path))
            .with(access.as(role))
            .with(csrf())
            .accept(MediaType.APPLICATION_JSON);
    if (body != null) {
      r.contentType(MediaType.APPLICATION_JSON).content(body.replace('\'', '"'));
    }
    return access.mvc().perform(r).andReturn().getResponse();
  }

  String campaign(String tag, String utm, String hashtag) {
    return "{'name':'Spring "
        + tag
        + "','channel':'social','cost':'1500.50','currency':'EUR','startsOn':'2026-03-01',"
        + "'endsOn':'2026-05-31','landingUrl':'https://rapport.example/spring',"
        + "'tags':['#"
        + hashtag
        + "'],'links':['https://rapport.example/spring?utm_source=mastodon&utm_medium=social"
        + "&utm_campaign="
        + utm
        + "']}";
  }

  @Test
  void badCampaignInputIsRefusedByField() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    MockHttpServletResponse noUtm =
        send(
            "POST",
            "/api/v1/campaigns",
            "{'name':'A "
                + tag
                + "','channel':'email','startsOn':'2026-01-01','landingUrl':'https://x.example/',"
                + "'links':['https://x.example/spring']}",
            Role.ADMIN);
    assertThat(noUtm.getStatus()).isEqualTo(400);
    assertThat(noUtm.getContentAsString())
        .contains("\"field\":\"links[0]\"", "the link has no UTM parameters");

    MockHttpServletResponse badTags =
        send(
            "POST",
            "/api/v1/campaigns",
            "{'name':'B "
                + tag
                + "','channel':'email','startsOn':'2026-01-01','landingUrl':'javascript:alert(1)',"
                + "'tags':['summer sale','love\uD83D\uDE00','ok_tag'],'cost':'-3','endsOn':'2025-01-01'}",
            Role.ADMIN);
    assertThat(badTags.getStatus()).isEqualTo(400);
    assertThat(badTags.getContentAsString())
        .contains(
            "\"field\":\"tags[0]\"",
            "contains a space",
            "\"field\":\"tags[1]\"",
            "emoji",
            "\"field\":\"landingUrl\"",
            "\"field\":\"cost\"",
            "\"field\":\"endsOn\"")
        .doesNotContain("tags[2]");
    assertThat(
            jdbc.sql("select count(*) from advocacy_campaign where name in (:n)")
                .param("n", List.of("A " + tag, "B " + tag))
                .query(Long.class)
                .single())
        .isZero();

    // a user without CAMPAIGNS_ADMIN may not make one
    assertThat(
            send("POST", "/api/v1/campaigns", campaign(tag, "x" + tag, "x" + tag), Role.SALES)
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void touchpointsCarryingACampaignsLinkOrTagAreTaggedWithIt() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String utm = "spring" + tag;
    String hashtag = "rapportlove" + tag;
    MockHttpServletResponse created =
        send("POST", "/api/v1/campaigns", campaign(tag, utm, hashtag), Role.ADMIN);
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    long campaignId =
        json.readTree(created.getContentAsString()).get("campaign").get("id").asLong();
    // the same utm_campaign on another campaign is refused
    MockHttpServletResponse dup =
        send(
            "POST",
            "/api/v1/campaigns/" + campaignId + "/links",
            "{'url':'https://rapport.example/?utm_source=a&utm_medium=b'}",
            Role.ADMIN);
    assertThat(dup.getStatus()).isEqualTo(400);
    assertThat(dup.getContentAsString()).contains("lacks utm_campaign");

    PersonId person =
        identities.resolveAuthor(Network.OTHER, "camp" + tag, null, "Camp " + tag, null, null);
    long byLink =
        note(
            person,
            "clicked https://rapport.example/spring?utm_source=mastodon&utm_medium=social&utm_campaign="
                + utm.toUpperCase());
    long byTag = note(person, "posted a photo with #" + hashtag + " today");
    long neither = note(person, "a call about nothing in particular #othertag");
    await().atMost(Duration.ofSeconds(15)).until(() -> attributed(byLink) && attributed(byTag));
    JsonNode a =
        json.readTree(
            send("GET", "/api/v1/campaigns/touchpoints/" + byLink, null, Role.ADMIN)
                .getContentAsString());
    assertThat(a.get("campaignId").asLong()).isEqualTo(campaignId);
    assertThat(a.get("by").asString()).isEqualTo("utm");
    JsonNode b =
        json.readTree(
            send("GET", "/api/v1/campaigns/touchpoints/" + byTag, null, Role.ADMIN)
                .getContentAsString());
    assertThat(b.get("by").asString()).isEqualTo("tag");
    assertThat(b.get("matched").asString()).isEqualTo("#" + hashtag);
    Thread.sleep(300);
    assertThat(attributed(neither)).isFalse();
    JsonNode one =
        json.readTree(
            send("GET", "/api/v1/campaigns/" + campaignId, null, Role.VIEWER).getContentAsString());
    assertThat(one.get("campaign").get("touchpoints").asLong()).isEqualTo(2);
  }

  long note(PersonId person, String text) throws Exception {
    MockHttpServletResponse r =
        send(
            "POST",
            "/api/v1/persons/" + person.value() + "/touchpoints",
            json.writeValueAsString(
                    Map.of(
                        "kind",
                        "note",
                        "channel",
                        "note",
                        "occurredAt",
                        Instant.now().minusSeconds(5).toString(),
                        "summary",
                        text,
                        "source",
                        Map.of("type", "test", "id", UUID.randomUUID().toString())))
                .replace('"', '\''),
            Role.ADMIN);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return json.readTree(r.getContentAsString()).get("id").asLong();
  }

  boolean attributed(long touchpoint) {
    return jdbc.sql("select count(*) from advocacy_attribution where touchpoint_id = :t")
            .param("t", touchpoint)
            .query(Long.class)
            .single()
        > 0;
  }

  @Test
  void positivePostsBrandTagsAndCaseOutcomesCountWithTheirRecords() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String word = "zq" + tag;
    assertThat(
            send(
                    "POST",
                    "/api/v1/listening/rules",
                    "{'name':'adv " + word + "','query':'" + word + "'}",
                    Role.ADMIN)
                .getStatus())
        .isEqualTo(201);
    String handle = "@fan" + tag + "@example.social";
    NormalizedPost post =
        new NormalizedPost(
            "mastodon",
            "https://example.social/users/fan" + tag + "/statuses/1",
            new NormalizedPost.Author(
                handle, "Fran Fan " + tag, "https://example.social/@fan" + tag),
            "I love Rapport, thank you for the great support, amazing work! " + word,
            "https://example.social/@fan" + tag + "/1",
            Instant.now().minusSeconds(60),
            "en",
            null,
            null,
            null,
            Map.of(),
            "{}",
            null,
            null,
            "1");
    assertThat(sources.ingest("advocacy-test-" + tag, List.of(post)).mentions()).isEqualTo(1);
    long mention =
        jdbc.sql("select id from listening_mention where native_id = :n")
            .param("n", post.nativeId())
            .query(Long.class)
            .single();
    PersonId fan =
        new PersonId(
            jdbc.sql("select author_person_id from listening_mention where id = :m")
                .param("m", mention)
                .query(Long.class)
                .single());
    await().atMost(Duration.ofSeconds(15)).until(() -> signals(fan, "POSITIVE_POST") == 1);

    // a post with brand tags whose author the event does not name: found by handle
    tx.executeWithoutResult(
        s ->
            events.publishEvent(
                new BrandTagsUsed(
                    "mastodon",
                    "bt-" + tag,
                    handle,
                    null,
                    List.of("#rapportlove"),
                    null,
                    Instant.now())));
    tx.executeWithoutResult(
        s ->
            events.publishEvent(
                new BrandTagsUsed(
                    "mastodon",
                    "bt2-" + tag,
                    "@nobody" + tag + "@example.social",
                    null,
                    List.of("#rapportlove"),
                    null,
                    Instant.now())));
    await().atMost(Duration.ofSeconds(15)).until(() -> signals(fan, "BRAND_TAG") == 1);
    assertThat(
            jdbc.sql("select count(*) from advocacy_signal where record_id = :r")
                .param("r", "mastodon:bt2-" + tag)
                .query(Long.class)
                .single())
        .isZero();

    // an unhappy case counts against
    long caseId = 9_100_000_000L + Math.abs(tag.hashCode());
    tx.executeWithoutResult(
        s ->
            events.publishEvent(
                new CaseClosed(
                    caseId, fan, null, CaseClosed.Outcome.RESOLVED_UNHAPPY, Instant.now())));
    await().atMost(Duration.ofSeconds(15)).until(() -> signals(fan, "CASE_UNHAPPY") == 1);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                json.readTree(
                            send(
                                    "GET",
                                    "/api/v1/persons/" + fan.value() + "/advocacy",
                                    null,
                                    Role.ADMIN)
                                .getContentAsString())
                        .get("score")
                        .get("reasons")
                        .size()
                    == 3);
    JsonNode score =
        json.readTree(
                send("GET", "/api/v1/persons/" + fan.value() + "/advocacy", null, Role.ADMIN)
                    .getContentAsString())
            .get("score");
    assertThat(score.get("total").asInt()).isEqualTo(10 + 5 - 15);
    String reasons = score.get("reasons").toString();
    assertThat(reasons)
        .contains("\"recordType\":\"mention\",\"recordId\":\"" + mention + "\"")
        .contains("used #rapportlove on mastodon", "\"recordId\":\"mastodon:bt-" + tag + "\"")
        .contains("resolved unhappily", "\"points\":-15");
  }

  long signals(PersonId person, String kind) {
    return jdbc.sql("select count(*) from advocacy_signal where person_id = :p and kind = :k")
        .param("p", person.value())
        .param("k", kind)
        .query(Long.class)
        .single();
  }
}
