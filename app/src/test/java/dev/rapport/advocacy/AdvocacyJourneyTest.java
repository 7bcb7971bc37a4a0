package dev.rapport.advocacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.care.CaseClosed;
import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.StageChange;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.sales.DealWon;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The circle back to awareness, end to end: a case closed happily makes its person an advocate
 * candidate with the reason; they get a referral code; a visitor follows the link (the click is
 * counted, nothing about the visitor kept) and signs up through the webhook, and the new person
 * stands in awareness "referred by" the advocate, in the lifecycle history and on the timeline;
 * their deal is won and the advocate's leaderboard line shows its revenue and margin, credited
 * once.
 */
@PersistenceTest
class AdvocacyJourneyTest {

  @Autowired AccessFixtures access;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired SocialIdentities identities;
  @Autowired Lifecycle lifecycle;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  MockHttpServletResponse call(RequestBuilder request) throws Exception {
    return access.mvc().perform(request).andReturn().getResponse();
  }

  JsonNode admin(String method, String path, String body) throws Exception {
    var r =
        (method.equals("GET") ? get(path) : post(path))
            .with(access.as(Role.ADMIN))
            .with(csrf())
            .accept(MediaType.APPLICATION_JSON);
    if (body != null) {
      r.contentType(MediaType.APPLICATION_JSON).content(body.replace('\'', '"'));
    }
    MockHttpServletResponse response = call(r);
    assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
    return json.readTree(response.getContentAsString());
  }

  void publish(Object event) {
    tx.executeWithoutResult(s -> events.publishEvent(event));
  }

  static long unique() {
    return 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
  }

  String signupToken() throws Exception {
    return admin("POST", "/api/v1/referrals/signup-token", null).get("token").asString();
  }

  MockHttpServletResponse signup(String token, String body) throws Exception {
    return call(
        post("/api/v1/referrals/signups")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .content(body.replace('\'', '"')));
  }

  @Test
  void aHappyCustomerBringsANewPersonWhoseWonDealShowsOnTheLeaderboard() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String advocateName = "Ada Advocate " + tag;
    PersonId advocate =
        identities.resolveAuthor(
            Network.MASTODON, "@ada" + tag + "@example.social", null, advocateName, null, null);

    // a case closed happily: a candidate, with the case as the reason
    long caseId = unique();
    publish(
        new CaseClosed(caseId, advocate, null, CaseClosed.Outcome.RESOLVED_HAPPY, Instant.now()));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                count(
                        "select count(*) from advocacy_advocate where person_id = "
                            + advocate.value())
                    == 1);
    JsonNode candidates = admin("GET", "/api/v1/advocates?status=candidate&size=200", null);
    JsonNode mine = find(candidates.get("items"), advocate.value());
    assertThat(mine.get("status").asString()).isEqualTo("CANDIDATE");
    assertThat(mine.get("reasons").get(0).get("text").asString())
        .isEqualTo("case " + caseId + " resolved happily");
    assertThat(mine.get("reasons").get(0).get("recordType").asString()).isEqualTo("case");
    assertThat(mine.get("reasons").get(0).get("recordId").asString())
        .isEqualTo(Long.toString(caseId));

    // a referral code for the candidate, and a click on its link: counted, the visitor not kept
    String code =
        admin("POST", "/api/v1/referrals", "{'personId':" + advocate.value() + "}")
            .get("code")
            .asString();
    MockHttpServletResponse click =
        call(
            get("/r/" + code + "?next=https://evil.example/")
                .header("User-Agent", "Mozilla/5.0 Tester")
                .header("X-Forwarded-For", "203.0.113.9"));
    assertThat(click.getStatus()).isEqualTo(302);
    assertThat(click.getRedirectedUrl())
        .startsWith("https://")
        .contains("ref=" + code)
        .doesNotContain("evil");
    assertThat(
            count(
                "select count(*) from advocacy_referral_click k join advocacy_referral_code c on c.id = k.code_id where c.code = '"
                    + code
                    + "'"))
        .isEqualTo(1);
    List<String> clickColumns =
        jdbc.sql(
                "select lower(column_name) from information_schema.columns where lower(table_name) = 'advocacy_referral_click' order by 1")
            .query(String.class)
            .list();
    assertThat(clickColumns).containsExactly("clicked_at", "code_id", "id");

    // a signup through the code: a new person, in awareness "referred by" the advocate
    String token = signupToken();
    String email = "rita" + tag + "@example.com";
    MockHttpServletResponse signedUp =
        signup(
            token,
            "{'code':'" + code + "','name':'Rita Referred " + tag + "','email':'" + email + "'}");
    assertThat(signedUp.getStatus()).as(signedUp.getContentAsString()).isEqualTo(201);
    JsonNode answer = json.readTree(signedUp.getContentAsString());
    PersonId referred = new PersonId(answer.get("personId").asLong());
    assertThat(answer.get("referredBy").asString()).isEqualTo(advocateName);
    List<StageChange> history = lifecycle.history(referred);
    assertThat(history).isNotEmpty();
    StageChange entry = history.get(history.size() - 1);
    assertThat(entry.why()).isEqualTo("referred by " + advocateName);
    assertThat(entry.to().countsAs()).isEqualTo(CountsAs.AWARENESS);
    List<Touchpoint> referral =
        timeline
            .forPerson(
                referred,
                new TouchpointFilter(
                    java.util.Set.of(TouchpointKind.REFERRAL), null, null, null, 0, 10, false))
            .items();
    assertThat(referral)
        .singleElement()
        .satisfies(t -> assertThat(t.summary()).startsWith("referred by " + advocateName));
    // the entry rule, which runs after the commit, leaves them where the referral put them
    Thread.sleep(500);
    assertThat(lifecycle.history(referred)).hasSize(history.size());

    // the same signup again: the same referral, nothing new
    MockHttpServletResponse again =
        signup(
            token,
            "{'code':'" + code + "','name':'Rita Referred " + tag + "','email':'" + email + "'}");
    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(json.readTree(again.getContentAsString()).get("created").asBoolean()).isFalse();
    assertThat(
            count(
                "select count(*) from advocacy_referral where advocate_person_id = "
                    + advocate.value()))
        .isEqualTo(1);

    // their deal is won: the advocate is credited once, the leaderboard shows it
    long opportunity = unique();
    DealWon won =
        new DealWon(
            opportunity,
            null,
            List.of(referred),
            new BigDecimal("12000.00"),
            "EUR",
            new BigDecimal("3000.00"),
            "referral",
            Instant.now());
    publish(won);
    // the same won deal announced again (a re-sent event: same opportunity, later instant; an
    // identical event object twice would be one publication to the registry)
    publish(
        new DealWon(
            won.opportunityId(),
            won.account(),
            won.persons(),
            won.amount(),
            won.currency(),
            won.margin(),
            won.source(),
            won.wonAt().plusSeconds(1)));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                count(
                        "select count(*) from advocacy_referral_credit where opportunity_id = "
                            + opportunity)
                    == 1);
    JsonNode line =
        find(admin("GET", "/api/v1/advocates/leaderboard?size=200", null), advocate.value());
    assertThat(line.get("referred").asLong()).isEqualTo(1);
    assertThat(line.get("clicks").asLong()).isEqualTo(1);
    assertThat(line.get("revenue").decimalValue()).isEqualByComparingTo("12000");
    assertThat(line.get("margin").decimalValue()).isEqualByComparingTo("3000");
    assertThat(line.get("currency").asString()).isEqualTo("EUR");
    // both deliveries done, still one credit
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from event_publication where completion_date is null"
                            + " and event_type like '%DealWon' and serialized_event like '%"
                            + opportunity
                            + "%'")
                    == 0);
    assertThat(
            count(
                "select count(*) from advocacy_referral_credit where advocate_person_id = "
                    + advocate.value()))
        .isEqualTo(1);

    // the advocate's score now counts the referral and the revenue, each naming its record
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                admin("GET", "/api/v1/persons/" + advocate.value() + "/advocacy", null)
                        .get("score")
                        .get("reasons")
                        .size()
                    == 3);
    JsonNode score =
        admin("GET", "/api/v1/persons/" + advocate.value() + "/advocacy", null).get("score");
    assertThat(score.get("total").asInt()).isEqualTo(15 + 15 + 10);
    assertThat(score.toString())
        .contains(
            "\"recordType\":\"opportunity\"",
            "\"recordId\":\"" + opportunity + "\"",
            "12,000.00 EUR");

    // the page shows the line
    MockHttpServletResponse page = call(get("/advocates").with(access.as(Role.ADMIN)));
    assertThat(page.getContentAsString()).contains("leader-" + advocate.value(), "12,000.00 EUR");
  }

  @Test
  void unknownAndRevokedCodesAreRefusedClearlyAndCreditNothing() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    PersonId advocate =
        identities.resolveAuthor(Network.OTHER, "bo" + tag, null, "Bo " + tag, null, null);
    admin("POST", "/api/v1/advocates", "{'personId':" + advocate.value() + "}");
    String code =
        admin("POST", "/api/v1/referrals", "{'personId':" + advocate.value() + "}")
            .get("code")
            .asString();
    String token = signupToken();

    MockHttpServletResponse unknown = call(get("/r/zz" + tag.replace("-", "")));
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContentAsString()).contains("does not exist");
    assertThat(call(get("/r/..%2Fadmin")).getStatus()).isIn(400, 404);
    MockHttpServletResponse unknownSignup =
        signup(
            token,
            "{'code':'nosuch"
                + tag.substring(0, 4)
                + "','name':'X','email':'x"
                + tag
                + "@example.com'}");
    assertThat(unknownSignup.getStatus()).isEqualTo(404);
    assertThat(unknownSignup.getContentType()).contains("problem+json");
    assertThat(unknownSignup.getContentAsString())
        .contains("referral-code-unknown", "\"field\":\"code\"");

    admin("POST", "/api/v1/referrals/" + code + "/revoke", null);
    MockHttpServletResponse gone = call(get("/r/" + code));
    assertThat(gone.getStatus()).isEqualTo(410);
    assertThat(gone.getContentAsString()).contains("no longer valid");
    MockHttpServletResponse goneSignup =
        signup(token, "{'code':'" + code + "','name':'Y','email':'y" + tag + "@example.com'}");
    assertThat(goneSignup.getStatus()).isEqualTo(410);
    assertThat(goneSignup.getContentAsString()).contains("referral-code-revoked");
    assertThat(
            count(
                "select count(*) from advocacy_referral r join advocacy_referral_code c on c.id = r.code_id where c.code = '"
                    + code
                    + "'"))
        .isZero();
    assertThat(
            count(
                "select count(*) from advocacy_referral_click k join advocacy_referral_code c on c.id = k.code_id where c.code = '"
                    + code
                    + "'"))
        .isZero();

    // a wrong token, and bad input, each named
    assertThat(signup("rrs_wrong", "{'code':'" + code + "','name':'Z'}").getStatus())
        .isEqualTo(401);
    MockHttpServletResponse bad = signup(token, "{'code':'','name':'','email':'not-an-email'}");
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString())
        .contains("\"field\":\"code\"", "\"field\":\"name\"", "\"field\":\"email\"");
  }

  @Test
  void anAskAndItsOutcomeAreOnTheTimelineAndADoneReviewCounts() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    PersonId advocate =
        identities.resolveAuthor(Network.OTHER, "cy" + tag, null, "Cy " + tag, null, null);
    admin(
        "POST",
        "/api/v1/advocates",
        "{'personId':" + advocate.value() + ",'reason':'spoke at our meetup'}");
    JsonNode ask =
        admin(
            "POST",
            "/api/v1/persons/" + advocate.value() + "/asks",
            "{'kind':'review','note':'G2 please'}");
    assertThat(ask.get("kind").asString()).isEqualTo("REVIEW");
    MockHttpServletResponse badKind =
        call(
            post("/api/v1/persons/" + advocate.value() + "/asks")
                .with(access.as(Role.ADMIN))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"poem\"}"));
    assertThat(badKind.getStatus()).isEqualTo(400);
    assertThat(badKind.getContentAsString())
        .contains("\"field\":\"kind\"", "review, referral, quote");
    admin(
        "POST",
        "/api/v1/asks/" + ask.get("id").asLong() + "/outcome",
        "{'outcome':'done','note':'5 stars'}");
    MockHttpServletResponse twice =
        call(
            post("/api/v1/asks/" + ask.get("id").asLong() + "/outcome")
                .with(access.as(Role.ADMIN))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"declined\"}"));
    assertThat(twice.getStatus()).isEqualTo(400);
    assertThat(twice.getContentAsString()).contains("ended already");
    List<String> notes =
        timeline.forPerson(advocate, TouchpointFilter.firstPage(20)).items().stream()
            .map(Touchpoint::summary)
            .toList();
    assertThat(notes).contains("asked for a review: G2 please", "review given: 5 stars");
    JsonNode item =
        find(admin("GET", "/api/v1/advocates?size=200", null).get("items"), advocate.value());
    assertThat(item.get("reasons").toString())
        .contains("wrote a review: 5 stars", "\"recordType\":\"ask\"");
    assertThat(item.get("score").asInt()).isEqualTo(15);
    assertThat(item.get("reason").asString()).isEqualTo("spoke at our meetup");
  }

  @Test
  void aMergeMovesTheAdvocacyRowsToTheSurvivor() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    PersonId survivor =
        identities.resolveAuthor(Network.OTHER, "sv" + tag, null, "Sam " + tag, null, null);
    PersonId merged =
        identities.resolveAuthor(Network.OTHER, "mg" + tag, null, "Sam M " + tag, null, null);
    long caseId = unique();
    publish(new CaseClosed(caseId, merged, null, CaseClosed.Outcome.RESOLVED_HAPPY, Instant.now()));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                count("select count(*) from advocacy_advocate where person_id = " + merged.value())
                    == 1);
    String code =
        admin("POST", "/api/v1/referrals", "{'personId':" + merged.value() + "}")
            .get("code")
            .asString();
    admin(
        "POST",
        "/api/v1/merges",
        "{'survivorId':"
            + survivor.value()
            + ",'mergedId':"
            + merged.value()
            + ",'reason':'same person'}");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                count(
                        "select count(*) from advocacy_advocate where person_id = "
                            + survivor.value())
                    == 1);
    assertThat(count("select count(*) from advocacy_advocate where person_id = " + merged.value()))
        .isZero();
    assertThat(
            count(
                "select count(*) from advocacy_referral_code where code = '"
                    + code
                    + "' and person_id = "
                    + survivor.value()))
        .isEqualTo(1);
    JsonNode score =
        admin("GET", "/api/v1/persons/" + survivor.value() + "/advocacy", null).get("score");
    assertThat(score.get("reasons").toString()).contains("case " + caseId + " resolved happily");
  }

  CountsAs stageCountsAs(long stageId) {
    return lifecycle.activeModel().stages().stream()
        .filter(s -> s.id() == stageId)
        .findFirst()
        .orElseThrow()
        .countsAs();
  }

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  static JsonNode find(JsonNode items, long person) {
    for (JsonNode n : items) {
      if (n.get("personId").asLong() == person) {
        return n;
      }
    }
    throw new AssertionError("no line for person " + person + " in " + items);
  }
}
