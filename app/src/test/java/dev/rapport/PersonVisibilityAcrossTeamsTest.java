package dev.rapport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * End to end through the real security chain, the real visibility settings and the people API: with
 * persons visible by team, a sales user cannot read (or learn of) a person owned by another team.
 */
@PersistenceTest
class PersonVisibilityAcrossTeamsTest {

  @Autowired AccessFixtures fixtures;

  @Test
  void aSalesUserCannotReadAPersonPrivateToAnotherTeam() throws Exception {
    MockMvc mvc = fixtures.mvc();
    Team north = fixtures.team();
    Team south = fixtures.team();
    TestUser northSales = fixtures.user(Role.SALES, north);
    TestUser southSales = fixtures.user(Role.SALES, south);
    TestUser admin = fixtures.user(Role.ADMIN);

    String body =
        mvc.perform(
                post("/api/v1/persons")
                    .with(admin.basic())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"firstName\":\"Private\",\"lastName\":\"ToSouth\",\"ownerUserId\":"
                            + southSales.id()
                            + "}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = Long.parseLong(body.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));

    setPersonVisibility(mvc, admin, "team");
    try {
      mvc.perform(get("/api/v1/persons/{id}", id).with(northSales.basic()))
          .andExpect(status().isNotFound());
      mvc.perform(get("/persons/{id}", id).with(northSales.session()))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/v1/persons/{id}", id).with(southSales.basic()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.lastName").value("ToSouth"));
      mvc.perform(get("/api/v1/persons/{id}", id).with(admin.basic())).andExpect(status().isOk());
    } finally {
      setPersonVisibility(mvc, admin, "everyone");
    }
    mvc.perform(get("/api/v1/persons/{id}", id).with(northSales.basic()))
        .andExpect(status().isOk());
  }

  private static void setPersonVisibility(MockMvc mvc, TestUser admin, String level)
      throws Exception {
    mvc.perform(
            put("/api/v1/visibility/person")
                .with(admin.basic())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\":\"" + level + "\"}"))
        .andExpect(status().isOk());
  }
}
