package dev.rapport.care.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.care.CaseClosed;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.Stage;
import dev.rapport.listening.MentionCaptured;
import dev.rapport.listening.MentionDetails;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.sales.BusinessHours;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Cases from posts: a customer's complaint opens one with an SLA, once per thread; replies, status
 * and closing with an outcome; churn risk; the spike alert; who may work a case; bad input.
 */
@PersistenceTest
@RecordApplicationEvents
class CareCaseTest {

  @Autowired CaseIntake intake;
  @Autowired CaseWork work;
  @Autowired CaseStore store;
  @Autowired Brands brands;
  @Autowired SpikeAlerts alerts;
  @Autowired Lifecycle lifecycle;
  @Autowired BusinessHours hours;
  @Autowired Timeline timeline;
  @Autowired AccessFixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired ApplicationEvents events;

  record Customer(PersonId person, AccountId account) {}

  /** A person at an account, created as a user would, and moved into a customer stage. */
  Customer customer(boolean isCustomer) throws Exception {
    TestUser admin = fixtures.user(Role.ADMIN);
    long account =
        id(call(post("/api/v1/accounts"), admin, "{'name':'Care Co " + UUID.randomUUID() + "'}"));
    long person =
        id(
            call(
                post("/api/v1/persons"),
                admin,
                "{'firstName':'Cara','lastName':'C" + rnd() + "','accountId':" + account + "}"));
    PersonId p = new PersonId(person);
    if (isCustomer) {
      Stage sale =
          lifecycle.activeModel().stages().stream()
              .filter(s -> s.countsAs() == CountsAs.SALE)
              .findFirst()
              .orElseThrow();
      long line = lifecycle.productLines().get(0).id();
      await().atMost(Duration.ofSeconds(10)).until(() -> !lifecycle.currentStages(p).isEmpty());
      lifecycle.move(p, line, sale.id(), ChangedBy.user("test"), "signed");
      assertThat(intake.isCustomer(p)).isTrue();
    }
    return new Customer(p, new AccountId(account));
  }

  static long rnd() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 4);
  }

  /** A stored mention (so that listening knows what it answers), and its details as read. */
  MentionDetails.Detail mention(PersonId author, String text, String replyTo, String... intents) {
    String nativeId = "https://example.social/statuses/" + rnd();
    jdbc.sql(
            "insert into listening_mention (network, native_id, author_handle, text, created_at,"
                + " metrics, rule_ids, spans, readings, captured_at, author_person_id, reply_to)"
                + " values ('mastodon', :nid, '@c@example.social', :text, :at, '{}', '', '[]',"
                + " '{}', :at, :p, :reply)")
        .param("nid", nativeId)
        .param("text", text)
        .param("at", Timestamp.from(Instant.now()))
        .param("p", author.value())
        .param("reply", replyTo)
        .update();
    long id =
        jdbc.sql("select id from listening_mention where native_id = :n")
            .param("n", nativeId)
            .query(Long.class)
            .single();
    return new MentionDetails.Detail(
        id,
        author,
        "mastodon",
        nativeId,
        "@c@example.social",
        "en",
        text,
        null,
        Instant.now(),
        null,
        "negative",
        java.util.Arrays.stream(intents)
            .map(i -> new MentionDetails.Reading("intent", i, false, 0.9, List.of()))
            .toList(),
        List.of());
  }

  long casesInThread(String thread) {
    return jdbc.sql("select count(*) from care_case where thread_key = :t")
        .param("t", thread)
        .query(Long.class)
        .single();
  }

  @Test
  void anUnhappyPostFromACustomerOpensOneCaseWithAnSlaAndARedeliveryAddsNothing() throws Exception {
    Customer c = customer(true);
    MentionDetails.Detail m =
        mention(c.person(), "My invoices are broken again", null, "COMPLAINT");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    CareCase opened = intake.take(m, now).orElseThrow();

    assertThat(opened.person()).isEqualTo(c.person());
    assertThat(opened.account()).isEqualTo(c.account());
    assertThat(opened.reason()).isEqualTo("complaint");
    assertThat(opened.priority()).isEqualTo(Priority.HIGH);
    assertThat(opened.slaMinutes()).isEqualTo(240);
    assertThat(opened.dueAt()).isEqualTo(hours.plus(now, 240));
    assertThat(opened.status()).isIn(CaseStatus.NEW, CaseStatus.ASSIGNED);
    // the durable event again (redelivered), and the same mention again: nothing new
    intake.on(captured(m));
    assertThat(intake.take(m, now.plusSeconds(5))).isEmpty();
    Thread.sleep(500);
    assertThat(casesInThread(opened.threadKey())).isEqualTo(1);
    assertThat(store.mentions(opened.id())).containsExactly(m.id());
    var tps =
        timeline.forPerson(
            c.person(),
            new TouchpointFilter(
                java.util.Set.of(TouchpointKind.CASE), null, null, null, 0, 50, false));
    assertThat(tps.items())
        .extracting(t -> t.summary())
        .anyMatch(s -> s.startsWith("Case #" + opened.id() + " opened"));
  }

  @Test
  void aStrangersComplaintOpensNothingUnlessItNamesOneOfOurBrands() throws Exception {
    Customer stranger = customer(false);
    assertThat(
            intake.take(
                mention(stranger.person(), "This app is awful", null, "COMPLAINT"), Instant.now()))
        .isEmpty();
    String brand = "Zorblax" + rnd() % 100000;
    brands.add(brand, "product");
    CareCase c =
        intake
            .take(
                mention(stranger.person(), "the " + brand + " app is awful", null, "COMPLAINT"),
                Instant.now())
            .orElseThrow();
    assertThat(c.brand()).isEqualTo(brand);
    // not a customer: one step down from a customer's complaint
    assertThat(c.priority()).isEqualTo(Priority.NORMAL);
    // praise names the brand too, but is neither a complaint nor a question
    assertThat(
            intake.take(mention(stranger.person(), "love " + brand, null, "PRAISE"), Instant.now()))
        .isEmpty();
  }

  @Test
  void aReplyInTheThreadJoinsTheOpenCaseAndEndsWaitingOnTheCustomer() throws Exception {
    Customer c = customer(true);
    MentionDetails.Detail root =
        mention(c.person(), "How do I export my contacts?", null, "QUESTION");
    CareCase opened = intake.take(root, Instant.now()).orElseThrow();
    assertThat(opened.priority()).isEqualTo(Priority.NORMAL);
    work.reply(opened.id(), "Settings, then Export.");
    assertThat(store.find(opened.id()).orElseThrow().status())
        .isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);

    MentionDetails.Detail answer =
        mention(c.person(), "still does not work", root.nativeId(), "COMPLAINT");
    CareCase joined = intake.take(answer, Instant.now()).orElseThrow();
    assertThat(joined.id()).isEqualTo(opened.id());
    assertThat(joined.status()).isIn(CaseStatus.NEW, CaseStatus.ASSIGNED);
    // a reply to the reply, without any reading, still joins
    MentionDetails.Detail more = mention(c.person(), "any news?", answer.nativeId());
    assertThat(intake.take(more, Instant.now()).orElseThrow().id()).isEqualTo(opened.id());
    assertThat(store.mentions(opened.id())).containsExactly(root.id(), answer.id(), more.id());
    assertThat(casesInThread(opened.threadKey())).isEqualTo(1);

    // closed: a new complaint in the thread opens a new case that follows the closed one
    work.close(opened.id(), "no_answer");
    MentionDetails.Detail again = mention(c.person(), "broken again", root.nativeId(), "COMPLAINT");
    CareCase next = intake.take(again, Instant.now()).orElseThrow();
    assertThat(next.id()).isNotEqualTo(opened.id());
    assertThat(next.previousCaseId()).isEqualTo(opened.id());
    assertThat(next.threadKey()).isEqualTo(opened.threadKey());
  }

  @Test
  void closingHappilyPublishesCaseClosedAndUnhappilyMarksChurnRiskOnPersonAndAccount()
      throws Exception {
    Customer happy = customer(true);
    CareCase h =
        intake
            .take(mention(happy.person(), "it broke", null, "COMPLAINT"), Instant.now())
            .orElseThrow();
    work.close(h.id(), "resolved_happy");
    assertThat(events.stream(CaseClosed.class).filter(e -> e.caseId() == h.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.person()).isEqualTo(happy.person());
              assertThat(e.account()).isEqualTo(happy.account());
              assertThat(e.outcome()).isEqualTo(CaseClosed.Outcome.RESOLVED_HAPPY);
            });
    assertThat(churn("person_id", happy.person().value())).isZero();

    Customer sad = customer(true);
    CareCase s =
        intake
            .take(mention(sad.person(), "it broke", null, "COMPLAINT"), Instant.now())
            .orElseThrow();
    TestUser support = fixtures.user(Role.SUPPORT);
    MockHttpServletResponse closed =
        call(post("/api/v1/cases/" + s.id() + "/close"), support, "{'outcome':'resolved_unhappy'}");
    assertThat(closed.getStatus()).as(closed.getContentAsString()).isEqualTo(200);
    assertThat(json.readTree(closed.getContentAsString()).get("outcome").asString())
        .isEqualTo("resolved_unhappy");
    assertThat(churn("person_id", sad.person().value())).isEqualTo(1);
    assertThat(churn("account_id", sad.account().value())).isEqualTo(1);
    TestUser viewer = fixtures.user(Role.VIEWER);
    JsonNode person =
        ok(call(get("/api/v1/persons/" + sad.person().value() + "/care"), viewer, null));
    assertThat(person.get("churnRisk").asBoolean()).isTrue();
    JsonNode account =
        ok(call(get("/api/v1/accounts/" + sad.account().value() + "/care"), viewer, null));
    assertThat(account.get("churnRisk").asBoolean()).isTrue();
    assertThat(account.get("churnRisks").get(0).get("caseId").asLong()).isEqualTo(s.id());
    MockHttpServletResponse panel =
        call(get("/care/persons/" + sad.person().value() + "/panel"), viewer, null);
    assertThat(panel.getContentAsString()).contains("churn risk", "case #" + s.id());
  }

  long churn(String column, long id) {
    return jdbc.sql("select count(*) from care_churn_risk where " + column + " = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  @Test
  void aSpikeOfComplaintsAgainstTheBrandsUsualRateRaisesOneAlert() throws Exception {
    Customer c = customer(false);
    String quiet = "Quietco" + rnd() % 100000;
    String loud = "Loudco" + rnd() % 100000;
    brands.add(quiet, "brand");
    brands.add(loud, "brand");
    // the loud brand's usual: 1,000 complaints a week (about 6 an hour), so 5 in an hour is normal
    Instant now = Instant.now();
    for (int i = 0; i < 1000; i++) {
      jdbc.sql("insert into care_complaint (mention_id, brand, posted_at) values (:m, :b, :t)")
          .param("m", -rnd())
          .param("b", loud)
          .param(
              "t",
              Timestamp.from(now.minus(Duration.ofHours(2)).minus(Duration.ofMinutes(i * 10L))))
          .update();
    }
    for (int i = 1; i <= 6; i++) {
      intake.take(mention(c.person(), quiet + " is broken " + i, null, "COMPLAINT"), Instant.now());
      intake.take(mention(c.person(), loud + " is broken " + i, null, "COMPLAINT"), Instant.now());
      long raised = alertsFor(quiet);
      assertThat(raised).as("after %d complaints", i).isEqualTo(i < SpikeAlerts.MIN_COUNT ? 0 : 1);
    }
    assertThat(alertsFor(loud)).isZero();
    SpikeAlerts.Alert a =
        alerts.recent(now.minusSeconds(60), 50).stream()
            .filter(x -> x.brand().equals(quiet))
            .findFirst()
            .orElseThrow();
    assertThat(a.lastHour()).isEqualTo(SpikeAlerts.MIN_COUNT);
    TestUser viewer = fixtures.user(Role.VIEWER);
    assertThat(call(get("/api/v1/cases/alerts"), viewer, null).getContentAsString())
        .contains(quiet);
    assertThat(call(get("/cases"), viewer, null).getContentAsString())
        .contains("Complaint spike: " + quiet);
  }

  long alertsFor(String brand) {
    return jdbc.sql("select count(*) from care_alert where brand = :b")
        .param("b", brand)
        .query(Long.class)
        .single();
  }

  @Test
  void supportWorksCasesAndAViewerOnlyReadsThem() throws Exception {
    Customer c = customer(true);
    CareCase k =
        intake.take(mention(c.person(), "broken", null, "COMPLAINT"), Instant.now()).orElseThrow();
    TestUser support = fixtures.user(Role.SUPPORT);
    TestUser viewer = fixtures.user(Role.VIEWER);
    TestUser sales = fixtures.user(Role.SALES);
    String path = "/api/v1/cases/" + k.id();

    JsonNode list = ok(call(get("/api/v1/cases?view=all&size=100"), viewer, null));
    JsonNode first = list.get("items").get(0);
    assertThat(first.has("sla") && first.has("dueAt")).isTrue();
    assertThat(ok(call(get(path), viewer, null)).get("item").get("sla").get("state").asString())
        .isIn("on_track", "due_soon", "breached");

    assertThat(call(post(path + "/reply"), viewer, "{'text':'hi'}").getStatus()).isEqualTo(403);
    assertThat(call(post(path + "/close"), sales, "{'outcome':'no_answer'}").getStatus())
        .isEqualTo(403);

    JsonNode assigned =
        ok(call(post(path + "/assign"), support, "{'userId':" + support.id() + "}"));
    assertThat(assigned.get("status").asString()).isEqualTo("assigned");
    assertThat(assigned.get("assigneeUserId").asLong()).isEqualTo(support.id());
    JsonNode replied =
        ok(call(post(path + "/reply"), support, "{'text':'We are on it <b>now</b>'}"));
    assertThat(replied.get("how").asString()).isEqualTo("recorded");
    assertThat(replied.get("item").get("status").asString()).isEqualTo("waiting_on_customer");
    assertThat(replied.get("item").get("sla").get("state").asString()).isEqualTo("met");
    var replies =
        timeline.forPerson(
            c.person(),
            new TouchpointFilter(
                java.util.Set.of(TouchpointKind.REPLY), null, null, null, 0, 50, false));
    assertThat(replies.items())
        .anyMatch(t -> t.summary().contains("We are on it") && t.byUserId() == support.id());
    assertThat(
            ok(call(post(path + "/status"), support, "{'status':'resolved'}"))
                .get("status")
                .asString())
        .isEqualTo("resolved");
    assertThat(
            ok(call(post(path + "/close"), support, "{'outcome':'resolved_happy'}"))
                .get("status")
                .asString())
        .isEqualTo("closed");
  }

  @Test
  void badInputIsRefusedByNameAndAClosedCaseIsNeverReopened() throws Exception {
    Customer c = customer(true);
    CareCase k =
        intake.take(mention(c.person(), "broken", null, "COMPLAINT"), Instant.now()).orElseThrow();
    TestUser support = fixtures.user(Role.SUPPORT);
    String path = "/api/v1/cases/" + k.id();

    MockHttpServletResponse unknown = call(post(path + "/close"), support, "{'outcome':'meh'}");
    assertThat(unknown.getStatus()).isEqualTo(400);
    assertThat(unknown.getContentAsString()).contains("outcome", "resolved_happy");
    MockHttpServletResponse byStatus = call(post(path + "/status"), support, "{'status':'closed'}");
    assertThat(byStatus.getStatus()).isEqualTo(400);
    assertThat(byStatus.getContentAsString()).contains("status", "outcome");
    assertThat(call(post(path + "/status"), support, "{'status':'done'}").getStatus())
        .isEqualTo(400);
    MockHttpServletResponse empty = call(post(path + "/reply"), support, "{'text':'  '}");
    assertThat(empty.getStatus()).isEqualTo(400);
    assertThat(empty.getContentAsString()).contains("text");
    assertThat(call(post(path + "/assign"), support, "{'userId':987654321}").getContentAsString())
        .contains("userId");
    assertThat(call(get("/api/v1/cases?view=nope"), support, null).getStatus()).isEqualTo(400);
    assertThat(call(get("/api/v1/cases/987654321"), support, null).getStatus()).isEqualTo(404);
    assertThat(store.find(k.id()).orElseThrow().status()).isIn(CaseStatus.NEW, CaseStatus.ASSIGNED);

    assertThat(call(post(path + "/close"), support, "{'outcome':'resolved_unhappy'}").getStatus())
        .isEqualTo(200);
    for (String reopen : List.of("{'status':'assigned'}", "{'status':'new'}")) {
      MockHttpServletResponse r = call(post(path + "/status"), support, reopen);
      assertThat(r.getStatus()).isEqualTo(409);
      assertThat(r.getContentAsString()).contains("is closed and cannot be reopened", "status");
    }
    MockHttpServletResponse twice =
        call(post(path + "/close"), support, "{'outcome':'resolved_happy'}");
    assertThat(twice.getStatus()).isEqualTo(409);
    assertThat(call(post(path + "/reply"), support, "{'text':'hello?'}").getStatus())
        .isEqualTo(409);
    CareCase after = store.find(k.id()).orElseThrow();
    assertThat(after.outcome()).isEqualTo(CaseClosed.Outcome.RESOLVED_UNHAPPY);
    assertThat(events.stream(CaseClosed.class).filter(e -> e.caseId() == k.id())).hasSize(1);
    assertThat(churn("case_id", k.id())).isEqualTo(1);
  }

  @Test
  void theDurableListenerOpensACaseAfterTheMentionCommits() throws Exception {
    Customer c = customer(true);
    MentionDetails.Detail m = mention(c.person(), "totally broken", null);
    // the stored mention carries a complaint reading, as listening's classifier would write it
    jdbc.sql("update listening_mention set readings = :r where id = :id")
        .param("r", "{\"intents\":[{\"intent\":\"complaint\",\"confidence\":0.9,\"evidence\":[]}]}")
        .param("id", m.id())
        .update();
    // the listener is asynchronous (it runs after the publisher's commit, on its own thread)
    intake.on(captured(m));
    await().atMost(Duration.ofSeconds(10)).until(() -> store.find(caseOf(m.id())).isPresent());
    CareCase opened = store.find(caseOf(m.id())).orElseThrow();
    assertThat(opened.reason()).isEqualTo("complaint");
    assertThat(opened.person()).isEqualTo(c.person());
  }

  long caseOf(long mention) {
    return jdbc.sql(
            "select coalesce(max(case_id), -1) from care_case_mention where mention_id = :m")
        .param("m", mention)
        .query(Long.class)
        .single();
  }

  MentionCaptured captured(MentionDetails.Detail m) {
    return new MentionCaptured(
        m.id(),
        m.author(),
        m.network(),
        m.nativeId(),
        m.authorHandle(),
        null,
        null,
        m.text(),
        null,
        m.createdAt(),
        List.of());
  }

  MockHttpServletResponse call(MockHttpServletRequestBuilder req, TestUser as, String body)
      throws Exception {
    if (body != null) {
      req = req.contentType(MediaType.APPLICATION_JSON).content(body.replace('\'', '"'));
    }
    return fixtures
        .mvc()
        .perform(
            req.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML)
                .with(as.session())
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  JsonNode ok(MockHttpServletResponse r) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    return json.readTree(r.getContentAsString());
  }

  long id(MockHttpServletResponse r) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(200, 201);
    return json.readTree(r.getContentAsString()).get("id").asLong();
  }
}
