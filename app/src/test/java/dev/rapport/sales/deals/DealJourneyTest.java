package dev.rapport.sales.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.Role;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.Stage;
import dev.rapport.lifecycle.StageChange;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.sales.DealWon;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * The issue's proof, end to end through the API as a seller: a lead becomes an opportunity; entry
 * to the stage that needs gates 1–3 is refused until they hold; a decision maker with access
 * satisfies gate 5; the deal is won; its persons are customers in the lifecycle history ("won deal
 * #…"), the order is on the account's timeline, DealWon is published; each step timestamped.
 */
@PersistenceTest
@RecordApplicationEvents
class DealJourneyTest {

  @Autowired AccessFixtures access;
  @Autowired TestRecords records;
  @Autowired DealCalls deals;
  @Autowired Lifecycle lifecycle;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  @Test
  void aLeadBecomesAWonDealBehindTheGates() throws Exception {
    TestUser seller = access.user(Role.SALES);
    PersonId lead = records.person();
    PersonId buyer = records.person();
    AccountId account = records.account();
    long line = lifecycle.productLines().get(0).id();
    List<Stage> model = lifecycle.activeModel().stages();
    Stage leadStage =
        model.stream().filter(s -> s.name().equals("Lead")).findFirst().orElse(model.get(2));
    lifecycle.move(lead, line, leadStage.id(), ChangedBy.user("test"), "a lead");
    Instant started = Instant.now();

    // a lead becomes an opportunity
    JsonNode deal = deals.open(seller, lead, account, "LEAD");
    long id = deal.get("id").asLong();
    long pipeline = deal.get("pipelineId").asLong();
    assertThat(deal.get("source").asText()).isEqualTo("LEAD");
    assertThat(deal.get("sourceRef").asText()).isEqualTo(String.valueOf(lead.value()));
    assertThat(deal.get("accountId").asLong()).isEqualTo(account.value());

    // entry to "Map the buying process" (gates 1-3) is refused until they hold
    long buying = deals.stage(seller, pipeline, 3);
    MockHttpServletResponse refused = deals.move(seller, id, buying, null);
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentType()).contains("application/problem+json");
    JsonNode problem = deals.read(refused);
    assertThat(problem.get("missingGates")).hasSize(3);
    assertThat(problem.get("detail").asText())
        .contains("gate 1 (Problem identified)", "gate 2", "gate 3 (Solution articulated)");
    deals.confirm(seller, id, 1, "Their team copies posts into spreadsheets by hand");
    deals.confirm(seller, id, 2, "Saving 20 hours a week, agreed with their COO");
    refused = deals.move(seller, id, buying, null);
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentAsString())
        .contains("gate 3 (Solution articulated)")
        .doesNotContain("gate 1 (Problem identified)");
    deals.confirm(seller, id, 3, "Demo of listening rules on their own accounts");
    JsonNode moved = deals.read(deals.move(seller, id, buying, null));
    assertThat(moved.get("stage").asText()).isEqualTo("Map the buying process");
    assertThat(moved.get("gates").get(0).get("confirmedBy").asText()).isEqualTo(seller.username());

    deals.confirm(seller, id, 4, "Buying committee of three; criteria: price, SSO, API");
    assertThat(deals.move(seller, id, deals.stage(seller, pipeline, 4), null).getStatus())
        .isEqualTo(200);

    // gate 5 comes from the stakeholders: a decision maker without access does not count
    long acceptance = deals.stage(seller, pipeline, 5);
    deals.ok(
        seller,
        "PUT",
        "/api/v1/opportunities/" + id + "/stakeholders/" + buyer.value(),
        "{\"role\":\"decision_maker\",\"criteria\":\"price\",\"stance\":\"neutral\",\"access\":false}");
    refused = deals.move(seller, id, acceptance, null);
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentAsString()).contains("gate 5 (Access to decision makers)");
    MockHttpServletResponse typed =
        deals.call(
            seller, "POST", "/api/v1/opportunities/" + id + "/gates/5", "{\"evidence\":\"x\"}");
    assertThat(typed.getStatus()).isEqualTo(400);
    assertThat(typed.getContentAsString()).contains("read from the stakeholders");
    deals.ok(
        seller,
        "PUT",
        "/api/v1/opportunities/" + id + "/stakeholders/" + buyer.value(),
        "{\"role\":\"DECISION_MAKER\",\"criteria\":\"price\",\"stance\":\"SUPPORTER\",\"access\":true}");
    JsonNode withAccess = deals.ok(seller, "GET", "/api/v1/opportunities/" + id, null);
    assertThat(withAccess.get("gates").get(4).get("confirmed").asBoolean()).isTrue();
    assertThat(withAccess.get("gates").get(4).get("derived").asBoolean()).isTrue();
    assertThat(deals.move(seller, id, acceptance, null).getStatus()).isEqualTo(200);

    // won: needs gate 6, then order, lifecycle, event
    long wonReason = deals.reason(seller, "WON");
    MockHttpServletResponse early =
        deals.call(
            seller,
            "POST",
            "/api/v1/opportunities/" + id + "/win",
            "{\"reasonId\":" + wonReason + "}");
    assertThat(early.getStatus()).isEqualTo(422);
    assertThat(early.getContentAsString()).contains("gate 6 (Acceptance)");
    deals.confirm(seller, id, 6, "Signed order form received");
    JsonNode won =
        deals.ok(
            seller,
            "POST",
            "/api/v1/opportunities/" + id + "/win",
            "{\"reasonId\":" + wonReason + ",\"note\":\"signed\"}");
    assertThat(won.get("status").asText()).isEqualTo("WON");
    assertThat(won.get("stage").asText()).isEqualTo("Won");
    assertThat(won.get("closedAt").isNull()).isFalse();

    for (PersonId p : List.of(lead, buyer)) {
      List<StageChange> history = lifecycle.history(p);
      assertThat(history)
          .as("lifecycle history of %s", p)
          .anySatisfy(
              c -> {
                assertThat(c.to().name()).isEqualTo("Customer");
                assertThat(c.why()).isEqualTo("won deal #" + id);
                assertThat(c.at()).isAfter(started);
              });
    }
    List<Touchpoint> orders =
        timeline
            .forAccount(
                account,
                new TouchpointFilter(
                    Set.of(TouchpointKind.ORDER), Set.of(), null, null, 0, 50, false))
            .items();
    assertThat(orders).hasSize(1);
    assertThat(orders.get(0).amount()).isEqualByComparingTo(new BigDecimal("25000.50"));
    assertThat(orders.get(0).margin()).isEqualByComparingTo(new BigDecimal("9000"));
    assertThat(orders.get(0).currency()).isEqualTo("EUR");
    assertThat(orders.get(0).summary()).contains("won deal #" + id);
    assertThat(
            timeline
                .forPerson(
                    buyer,
                    new TouchpointFilter(
                        Set.of(TouchpointKind.ORDER), Set.of(), null, null, 0, 50, false))
                .items())
        .hasSize(1);
    List<DealWon> published =
        events.stream(DealWon.class).filter(e -> e.opportunityId() == id).toList();
    assertThat(published).hasSize(1);
    assertThat(published.get(0).persons()).containsExactly(lead, buyer);
    assertThat(published.get(0).account()).isEqualTo(account);
    assertThat(published.get(0).source()).isEqualTo("LEAD");

    // every step is an appended, timestamped row
    JsonNode history = deals.ok(seller, "GET", "/api/v1/opportunities/" + id + "/history", null);
    List<String> stages = new ArrayList<>();
    Instant last = Instant.EPOCH;
    for (JsonNode h : history) {
      Instant at = Instant.parse(h.get("at").asText());
      assertThat(at).isAfterOrEqualTo(last);
      last = at;
      if (h.get("field").asText().equals("STAGE")) {
        stages.add(h.get("to").asText());
      }
    }
    assertThat(stages)
        .containsExactly(
            "Identify the problem",
            "Map the buying process",
            "Reach the decision makers",
            "Get acceptance",
            "Won");
    assertThat(history.toString()).contains("5 holds", "OPEN", "WON");

    // a won deal does not move again
    MockHttpServletResponse again = deals.move(seller, id, buying, null);
    assertThat(again.getStatus()).isEqualTo(409);
    assertThat(again.getContentAsString()).contains("closed");
  }
}
