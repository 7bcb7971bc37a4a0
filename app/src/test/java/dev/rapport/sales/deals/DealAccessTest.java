package dev.rapport.sales.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.access.VisibilityLevel;
import dev.rapport.access.visibility.RecordVisibilityFacade;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Record visibility of deals: with opportunities visible by team, a seller sees own and teammate
 * deals and not another team's (404 everywhere, nothing leaked, nothing changed); a viewer sees
 * deals but cannot move one (403); a person hidden from the user cannot be made a stakeholder.
 */
@PersistenceTest
class DealAccessTest {

  @Autowired AccessFixtures access;
  @Autowired TestRecords records;
  @Autowired DealCalls deals;
  @Autowired RecordVisibilityFacade visibility;
  @Autowired JdbcClient jdbc;

  @Test
  void aSellerSeesOwnAndTeamDealsAndAViewerCannotMoveOne() throws Exception {
    Team a = access.team();
    Team b = access.team();
    TestUser seller = access.user(Role.SALES, a);
    TestUser teammate = access.user(Role.SALES, a);
    TestUser stranger = access.user(Role.SALES, b);
    TestUser viewer = access.user(Role.VIEWER, a);
    AccountId account = records.account();
    PersonId p1 = records.person();
    PersonId p2 = records.person();
    PersonId p3 = records.person();
    long own = deals.open(seller, p1, account, "MANUAL").get("id").asLong();
    long team = deals.open(teammate, p2, account, "MANUAL").get("id").asLong();
    long other = deals.open(stranger, p3, account, "MANUAL").get("id").asLong();
    String otherName = "Deal " + p3.value();
    VisibilityLevel before = visibility.level("opportunity");
    visibility.set("opportunity", "team");
    try {
      JsonNode list = deals.ok(seller, "GET", "/api/v1/opportunities?size=500", null);
      assertThat(list.toString())
          .contains("\"id\":" + own + ",")
          .contains("\"id\":" + team + ",")
          .doesNotContain("\"id\":" + other + ",")
          .doesNotContain(otherName);
      assertThat(
              deals
                  .ok(seller, "GET", "/api/v1/opportunities?team=" + b.id(), null)
                  .get("total")
                  .asLong())
          .isZero();
      assertThat(
              deals
                  .ok(seller, "GET", "/api/v1/accounts/" + account.value() + "/opportunities", null)
                  .toString())
          .contains("\"id\":" + own + ",")
          .doesNotContain("\"id\":" + other + ",");
      for (String path :
          new String[] {
            "/api/v1/opportunities/" + other,
            "/api/v1/opportunities/" + other + "/history",
            "/api/v1/opportunities/" + other + "/stakeholders"
          }) {
        assertThat(deals.call(seller, "GET", path, null).getStatus()).as(path).isEqualTo(404);
      }
      int version =
          jdbc.sql("select version from deal_opportunity where id = :id")
              .param("id", other)
              .query(Integer.class)
              .single();
      assertThat(
              deals
                  .call(
                      seller,
                      "POST",
                      "/api/v1/opportunities/" + other + "/gates/1",
                      "{\"evidence\":\"x\"}")
                  .getStatus())
          .isEqualTo(404);
      assertThat(
              deals
                  .move(
                      seller,
                      other,
                      deals.stage(
                          seller,
                          deals
                              .ok(stranger, "GET", "/api/v1/opportunities/" + other, null)
                              .get("pipelineId")
                              .asLong(),
                          1),
                      null)
                  .getStatus())
          .isEqualTo(404);
      assertThat(
              jdbc.sql("select version from deal_opportunity where id = :id")
                  .param("id", other)
                  .query(Integer.class)
                  .single())
          .isEqualTo(version);
      var page =
          access.mvc().perform(get("/deals").with(seller.session())).andReturn().getResponse();
      assertThat(page.getContentAsString())
          .contains("deal-" + own + "\"")
          .contains("deal-" + team + "\"")
          .doesNotContain("deal-" + other + "\"");
      assertThat(
              access
                  .mvc()
                  .perform(get("/deals/" + other).with(seller.session()))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .isEqualTo(404);
      // the owner of the other team still sees theirs
      assertThat(deals.call(stranger, "GET", "/api/v1/opportunities/" + other, null).getStatus())
          .isEqualTo(200);

      // a viewer of the team sees the deal but cannot move it or confirm a gate
      assertThat(deals.call(viewer, "GET", "/api/v1/opportunities/" + own, null).getStatus())
          .isEqualTo(200);
      long second =
          deals.stage(
              viewer,
              deals
                  .ok(viewer, "GET", "/api/v1/opportunities/" + own, null)
                  .get("pipelineId")
                  .asLong(),
              0);
      assertThat(deals.move(viewer, own, second, null).getStatus()).isEqualTo(403);
      assertThat(
              deals
                  .call(
                      viewer,
                      "POST",
                      "/api/v1/opportunities/" + own + "/gates/1",
                      "{\"evidence\":\"x\"}")
                  .getStatus())
          .isEqualTo(403);
    } finally {
      visibility.set("opportunity", before.name());
    }

    // a person hidden from the seller cannot be made a stakeholder of their deal
    VisibilityLevel persons = visibility.level("person");
    PersonId hidden = records.person();
    jdbc.sql("update person set owner_user_id = :o where id = :id")
        .param("o", stranger.id())
        .param("id", hidden.value())
        .update();
    visibility.set("person", "team");
    try {
      assertThat(
              deals
                  .call(
                      seller,
                      "PUT",
                      "/api/v1/opportunities/" + own + "/stakeholders/" + hidden.value(),
                      "{\"role\":\"CHAMPION\"}")
                  .getStatus())
          .isEqualTo(404);
      assertThat(deals.ok(seller, "GET", "/api/v1/opportunities/" + own + "/stakeholders", null))
          .isEmpty();
    } finally {
      visibility.set("person", persons.name());
    }
  }
}
