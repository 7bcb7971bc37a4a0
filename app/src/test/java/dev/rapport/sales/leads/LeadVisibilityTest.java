package dev.rapport.sales.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.access.VisibilityLevel;
import dev.rapport.access.visibility.RecordVisibilityFacade;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.people.PersonId;
import dev.rapport.sales.LeadSource;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A sales user sees only the leads whose persons visibility lets them see: with persons visible by
 * team, another team's lead is absent from the list, the page and the score routes (404).
 */
@PersistenceTest
class LeadVisibilityTest {

  @Autowired AccessFixtures access;
  @Autowired TestRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired Lifecycle lifecycle;
  @Autowired LeadScoring scoring;
  @Autowired RecordVisibilityFacade visibility;

  PersonId leadOwnedBy(TestUser owner) {
    PersonId person = records.person();
    jdbc.sql("update person set owner_user_id = :o, full_name = :n where id = :id")
        .param("o", owner.id())
        .param("n", "Lead of " + owner.username())
        .param("id", person.value())
        .update();
    long line = lifecycle.productLines().get(0).id();
    long leadStage = lifecycle.activeModel().stages().get(2).id();
    lifecycle.move(person, line, leadStage, ChangedBy.user("test"), "a lead");
    scoring.rescore(person, "test", LeadSource.MANUAL, null);
    return person;
  }

  MockHttpServletResponse call(TestUser as, String path) throws Exception {
    return access.mvc().perform(get(path).with(as.session())).andReturn().getResponse();
  }

  @Test
  void aSalesUserSeesOwnAndTeamLeadsButNotAnotherTeams() throws Exception {
    Team a = access.team();
    Team b = access.team();
    TestUser seller = access.user(Role.SALES, a);
    TestUser teammate = access.user(Role.SALES, a);
    TestUser stranger = access.user(Role.SALES, b);
    PersonId own = leadOwnedBy(seller);
    PersonId team = leadOwnedBy(teammate);
    PersonId other = leadOwnedBy(stranger);
    VisibilityLevel before = visibility.level("person");
    visibility.set("person", "team");
    try {
      String api = call(seller, "/api/v1/leads?limit=500").getContentAsString();
      assertThat(api)
          .contains("\"person\":" + own.value() + ",")
          .contains("\"person\":" + team.value() + ",")
          .doesNotContain("\"person\":" + other.value() + ",");
      String page = call(seller, "/leads").getContentAsString();
      assertThat(page)
          .contains("lead-" + own.value() + "\"")
          .contains("lead-" + team.value() + "\"")
          .doesNotContain("lead-" + other.value() + "\"")
          .doesNotContain("Lead of " + stranger.username());
      assertThat(call(seller, "/api/v1/persons/" + other.value() + "/score").getStatus())
          .isEqualTo(404);
      assertThat(call(seller, "/leads/persons/" + other.value() + "/panel").getStatus())
          .isEqualTo(404);
      assertThat(call(stranger, "/leads").getContentAsString())
          .contains("lead-" + other.value() + "\"");
    } finally {
      visibility.set("person", before.name());
    }
  }
}
