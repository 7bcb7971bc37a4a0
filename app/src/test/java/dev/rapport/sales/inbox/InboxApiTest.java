package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.listening.MentionDetails;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The inbox API through the real security chain: who sees which items, and every action. */
@PersistenceTest
class InboxApiTest {

  @Autowired AccessFixtures fixtures;
  @Autowired InboxIntake intake;
  @Autowired InboxWork work;
  @Autowired InboxItems items;
  @Autowired Routes routes;
  @Autowired SocialIdentities identities;
  @Autowired Timeline timeline;
  @Autowired ObjectMapper json;
  @Autowired RealMentions real;

  PersonId person() {
    return identities.resolveAuthor(
        Network.MASTODON, "@api" + UUID.randomUUID() + "@example.social", null, null, null, 1);
  }

  Item item(String intent) {
    return intake
        .take(
            new MentionDetails.Detail(
                InboxWorkTest.random(),
                person(),
                "mastodon",
                "n-" + InboxWorkTest.random(),
                "@api@example.social",
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

  List<Long> ids(MockHttpServletResponse r) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    for (JsonNode n : json.readTree(r.getContentAsString()).get("items")) {
      out.add(n.get("id").asLong());
    }
    return out;
  }

  void personVisibility(TestUser admin, String level) throws Exception {
    assertThat(
            call(put("/api/v1/visibility/person"), admin, "{'level':'" + level + "'}").getStatus())
        .isEqualTo(200);
  }

  @Test
  void aSellerSeesOwnTeamAndQueueItemsAndSupportOnlyComplaintsRoutedToSupport() throws Exception {
    Team north = fixtures.team();
    Team south = fixtures.team();
    Team care = fixtures.team();
    TestUser admin = fixtures.user(Role.ADMIN);
    TestUser maria = fixtures.user(Role.SALES, north);
    TestUser nils = fixtures.user(Role.SALES, north);
    TestUser li = fixtures.user(Role.SALES, south);
    TestUser sam = fixtures.user(Role.SUPPORT, care);

    Item own = item("BUYING");
    work.assign(own.id(), maria.id());
    Item teammate = item("SWITCHING");
    work.assign(teammate.id(), nils.id());
    Item otherTeam = item("BUYING");
    work.assign(otherTeam.id(), li.id());
    Item queued = item("QUESTION");
    Item complaint = item("COMPLAINT");
    work.routed(complaint.id(), null, care.id(), null, "test");
    Item praise = item("PRAISE");
    work.routed(praise.id(), null, care.id(), null, "test");

    personVisibility(admin, "team");
    try {
      List<Long> seen = ids(call(get("/api/v1/inbox/items?size=200"), maria, null));
      assertThat(seen)
          .contains(own.id(), teammate.id(), queued.id())
          .doesNotContain(otherTeam.id());
      assertThat(call(get("/api/v1/inbox/items/" + otherTeam.id()), maria, null).getStatus())
          .isEqualTo(404);
      assertThat(
              call(post("/api/v1/inbox/items/" + otherTeam.id() + "/done"), maria, null)
                  .getStatus())
          .isEqualTo(404);
      assertThat(items.find(otherTeam.id()).orElseThrow().status()).isEqualTo(Status.ASSIGNED);
      assertThat(ids(call(get("/api/v1/inbox/items?view=mine"), maria, null)))
          .containsExactly(own.id());

      List<Long> support = ids(call(get("/api/v1/inbox/items?size=200"), sam, null));
      assertThat(support)
          .contains(complaint.id())
          .doesNotContain(praise.id(), queued.id(), own.id());
      assertThat(call(get("/api/v1/inbox/items/" + praise.id()), sam, null).getStatus())
          .isEqualTo(404);
    } finally {
      personVisibility(admin, "everyone");
    }
  }

  @Test
  void assignSnoozeBulkAndDraftedReplyThroughTheApi() throws Exception {
    TestUser maria = fixtures.user(Role.SALES);
    TestUser li = fixtures.user(Role.SALES);
    Item a = item("QUESTION");
    String word = real.rule("Drafted reply test");
    Item b =
        real.awaitItem(
            real.ingest(
                "inbox-webhook",
                RealMentions.mastodon("Acme support is terrible, invoices broken " + word, "77")));

    MockHttpServletResponse bulk =
        call(
            post("/api/v1/inbox/assign"),
            maria,
            "{'itemIds':[" + a.id() + "," + b.id() + "],'userId':" + li.id() + "}");
    assertThat(bulk.getStatus()).as(bulk.getContentAsString()).isEqualTo(200);
    assertThat(items.find(a.id()).orElseThrow().assigneeUserId()).isEqualTo(li.id());
    assertThat(items.find(b.id()).orElseThrow().assigneeUserId()).isEqualTo(li.id());

    MockHttpServletResponse snooze =
        call(post("/api/v1/inbox/items/" + a.id() + "/snooze"), li, "{'until':'yesterday'}");
    assertThat(snooze.getStatus()).isEqualTo(400);
    assertThat(snooze.getContentAsString()).contains("until");

    MockHttpServletResponse reply =
        call(
            post("/api/v1/inbox/items/" + b.id() + "/reply"),
            li,
            "{'text':'Sorry to hear that, we are on it'}");
    assertThat(reply.getStatus()).as(reply.getContentAsString()).isEqualTo(200);
    JsonNode r = json.readTree(reply.getContentAsString());
    assertThat(r.get("how").asString()).isEqualTo("drafted");
    assertThat(r.get("item").get("status").asString()).isEqualTo("replied");
    assertThat(timeline.forPerson(b.person(), TouchpointFilter.firstPage(20)).items())
        .filteredOn(t -> t.kind() == TouchpointKind.REPLY)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.direction()).isEqualTo(dev.rapport.timeline.Direction.OUT);
              assertThat(t.summary()).contains("Sorry to hear that");
            });

    MockHttpServletResponse detail = call(get("/api/v1/inbox/items/" + b.id()), li, null);
    JsonNode d = json.readTree(detail.getContentAsString());
    assertThat(d.get("changes").findValuesAsString("action"))
        .containsExactly("opened", "routed", "assigned", "replied");
    assertThat(d.get("item").get("suggestedReply").asString()).contains("Sorry to hear");

    MockHttpServletResponse numbers = call(get("/api/v1/inbox/numbers"), li, null);
    assertThat(json.readTree(numbers.getContentAsString()).get("waiting").asLong()).isEqualTo(1);
  }

  @Test
  void routingRulesAndSettingsAreRefusedNamingTheField() throws Exception {
    TestUser admin = fixtures.user(Role.ADMIN);
    Team empty = fixtures.team();
    MockHttpServletResponse never =
        call(
            post("/api/v1/inbox/routes"),
            admin,
            "{'name':'never','listeningRuleId':'99999999','assignTeamId':" + empty.id() + "}");
    assertThat(never.getStatus()).isEqualTo(400);
    assertThat(never.getContentType()).contains("problem+json");
    assertThat(json.readTree(never.getContentAsString()).get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("listeningRuleId", "assignTeamId");

    MockHttpServletResponse zero =
        call(put("/api/v1/inbox/settings"), admin, "{'sla':{'buying':0}}");
    assertThat(zero.getStatus()).isEqualTo(400);
    assertThat(zero.getContentAsString()).contains("sla.buying", "could never be met");

    TestUser seller = fixtures.user(Role.SALES);
    assertThat(
            call(post("/api/v1/inbox/routes"), seller, "{'name':'x','assignUserId':1}").getStatus())
        .isEqualTo(403);
  }
}
