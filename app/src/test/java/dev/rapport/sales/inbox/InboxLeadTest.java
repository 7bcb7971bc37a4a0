package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.StageChange;
import dev.rapport.listening.MentionDetails;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * "Make lead" from an item: the person gets a source and the lead stage of the active model with
 * the reason "from inbox item #n", once; and the inbox list's total counts only what the caller may
 * see, so a hidden person's item is not betrayed by the count.
 */
@PersistenceTest
class InboxLeadTest {

  @Autowired AccessFixtures fixtures;
  @Autowired InboxIntake intake;
  @Autowired InboxItems items;
  @Autowired SocialIdentities identities;
  @Autowired Lifecycle lifecycle;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  PersonId person() {
    return identities.resolveAuthor(
        Network.MASTODON, "@lead" + UUID.randomUUID() + "@example.social", null, null, null, 1);
  }

  Item item(PersonId person, String intent) {
    return intake
        .take(
            new MentionDetails.Detail(
                InboxWorkTest.random(),
                person,
                "mastodon",
                "n-" + InboxWorkTest.random(),
                "@lead@example.social",
                "en",
                "t",
                null,
                Instant.now(),
                null,
                "neutral",
                List.of(new MentionDetails.Reading("intent", intent, false, 0.9, List.of())),
                List.of()),
            Instant.now())
        .orElseThrow();
  }

  MockHttpServletResponse call(MockHttpServletRequestBuilder req, TestUser as, String body)
      throws Exception {
    if (body != null) {
      req = req.contentType(MediaType.APPLICATION_JSON).content(body.replace('\'', '"'));
    }
    return fixtures.mvc().perform(req.with(as.session()).with(csrf())).andReturn().getResponse();
  }

  @Test
  void makeLeadMovesThePersonIntoTheLeadStageOnceWithTheItemAsReasonAndSource() throws Exception {
    TestUser seller = fixtures.user(Role.SALES);
    PersonId person = person();
    Item item = item(person, "BUYING");

    MockHttpServletResponse made =
        call(post("/api/v1/inbox/items/" + item.id() + "/lead"), seller, null);
    assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(200);
    JsonNode body = json.readTree(made.getContentAsString());
    String stage = body.get("stage").asString();
    assertThat(body.get("source").asString()).isEqualTo("MANUAL");

    StageChange last = lifecycle.history(person).get(0);
    assertThat(last.to().name()).isEqualTo(stage);
    assertThat(last.why()).isEqualTo("from inbox item #" + item.id());
    assertThat(last.by().name()).isEqualTo(seller.actor().name());
    assertThat(lifecycle.currentStages(person))
        .anySatisfy(c -> assertThat(c.stage().name()).isEqualTo(stage));
    Map<String, Object> lead =
        jdbc.sql("select source, source_detail from sales_lead where person_id = :p")
            .param("p", person.value())
            .query()
            .singleRow();
    assertThat(lead.get("source")).isEqualTo("MANUAL");
    assertThat((String) lead.get("source_detail")).startsWith("inbox item #" + item.id());
    assertThat(items.changes(item.id())).extracting(InboxItems.Change::action).contains("lead");

    // a second time: refused naming the person, nothing appended
    int history = lifecycle.history(person).size();
    MockHttpServletResponse again =
        call(post("/api/v1/inbox/items/" + item.id() + "/lead"), seller, null);
    assertThat(again.getStatus()).isEqualTo(400);
    assertThat(again.getContentAsString()).contains("person", "already stands in " + stage);
    assertThat(lifecycle.history(person)).hasSize(history);
  }

  @Test
  void thePageOffersMakeLeadAndSaysWhereThePersonWent() throws Exception {
    TestUser admin = fixtures.user(Role.ADMIN);
    Item item = item(person(), "QUESTION");
    String inbox =
        call(get("/inbox").param("view", "open").param("page", "0"), admin, null)
            .getContentAsString();
    assertThat(inbox).contains("/inbox/items/", "/lead", "Make lead");
    org.springframework.test.web.servlet.MvcResult page =
        fixtures
            .mvc()
            .perform(
                post("/inbox/items/" + item.id() + "/lead")
                    .param("view", "open")
                    .with(admin.session())
                    .with(csrf()))
            .andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(302);
    assertThat(page.getResponse().getRedirectedUrl()).endsWith("#item-" + item.id());
    assertThat(String.valueOf(page.getFlashMap().get("message")))
        .startsWith("The person of item #" + item.id() + " is now a lead in ");
    String again =
        String.valueOf(
            fixtures
                .mvc()
                .perform(
                    post("/inbox/items/" + item.id() + "/lead").with(admin.session()).with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("error"));
    assertThat(again).contains("person: already stands in");
  }

  @Test
  void aUserWithoutLifecycleWriteOrSightOfTheItemCannotMakeALead() throws Exception {
    Team north = fixtures.team();
    Team south = fixtures.team();
    TestUser admin = fixtures.user(Role.ADMIN);
    TestUser support = fixtures.user(Role.SUPPORT, north);
    TestUser li = fixtures.user(Role.SALES, south);
    TestUser maria = fixtures.user(Role.SALES, north);
    PersonId person = person();
    Item item = item(person, "COMPLAINT");
    call(post("/api/v1/inbox/items/" + item.id() + "/assign"), admin, "{'userId':" + li.id() + "}");

    assertThat(call(post("/api/v1/inbox/items/" + item.id() + "/lead"), support, null).getStatus())
        .isEqualTo(403);
    call(put("/api/v1/visibility/person"), admin, "{'level':'team'}");
    try {
      assertThat(call(post("/api/v1/inbox/items/" + item.id() + "/lead"), maria, null).getStatus())
          .isEqualTo(404);
    } finally {
      call(put("/api/v1/visibility/person"), admin, "{'level':'everyone'}");
    }
    assertThat(lifecycle.history(person))
        .noneSatisfy(c -> assertThat(c.why()).startsWith("from inbox item"));
  }

  long total(TestUser as, String view) throws Exception {
    MockHttpServletResponse r = call(get("/api/v1/inbox/items?size=1&view=" + view), as, null);
    assertThat(r.getStatus()).isEqualTo(200);
    return json.readTree(r.getContentAsString()).get("total").asLong();
  }

  @Test
  void theTotalCountsOnlyItemsWhosePersonTheCallerMaySee() throws Exception {
    Team north = fixtures.team();
    Team south = fixtures.team();
    TestUser admin = fixtures.user(Role.ADMIN);
    TestUser maria = fixtures.user(Role.SALES, north);
    TestUser li = fixtures.user(Role.SALES, south);
    call(put("/api/v1/visibility/person"), admin, "{'level':'team'}");
    try {
      long before = total(maria, "queue");
      // in the general queue (visible to all who work the inbox) but about li's person
      PersonId hidden = person();
      jdbc.sql("update person set owner_user_id = :u where id = :p")
          .param("u", li.id())
          .param("p", hidden.value())
          .update();
      Item secret = item(hidden, "QUESTION");
      assertThat(items.find(secret.id()).orElseThrow().assigneeUserId()).isNull();
      assertThat(total(maria, "queue")).isEqualTo(before);
      MockHttpServletResponse all =
          call(get("/api/v1/inbox/items?size=200&view=queue"), maria, null);
      assertThat(all.getContentAsString()).doesNotContain("\"id\":" + secret.id() + ",");

      item(person(), "QUESTION");
      assertThat(total(maria, "queue")).isEqualTo(before + 1);
      // li sees the item about their own person, and it counts for them
      assertThat(total(li, "queue")).isGreaterThanOrEqualTo(1);
      assertThat(call(get("/api/v1/inbox/items/" + secret.id()), li, null).getStatus())
          .isEqualTo(200);
    } finally {
      call(put("/api/v1/visibility/person"), admin, "{'level':'everyone'}");
    }
  }
}
