package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.Role;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What people's pages say to a user: owners by name, rules that can be removed, no dead ends. */
@PersistenceTest
class PeopleSurfacesTest {

  @Autowired AccessFixtures fixtures;
  @Autowired PersonService persons;
  @Autowired Icp icp;

  @Test
  void aPersonsOwnerIsNamedAndLinksToTheirPeople() throws Exception {
    TestUser owner = fixtures.user(Role.SALES);
    long id =
        persons
            .create(
                new PersonDraft(
                    "Owned",
                    "Person" + UUID.randomUUID().toString().substring(0, 6),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    owner.id(),
                    List.of(),
                    false,
                    null),
                "test")
            .value();
    String ownerName = owner.user().displayName();
    fixtures
        .mvc()
        .perform(get("/persons/{id}", id).with(fixtures.as(Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(">" + ownerName + "</a>")))
        .andExpect(content().string(containsString("/persons?owner=" + owner.id())))
        .andExpect(content().string(not(containsString("user #"))));
    fixtures
        .mvc()
        .perform(get("/persons").param("owner", "" + owner.id()).with(fixtures.as(Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("selected=\"selected\">" + ownerName)));
  }

  @Test
  void anIcpRuleCanBeRemovedAndAViewerCannotEditTheProfile() throws Exception {
    Icp.Profile before = icp.profile();
    assertThat(before.rules()).isNotEmpty();
    MockHttpServletRequestBuilder form =
        post("/settings/icp").with(fixtures.as(Role.ADMIN)).with(csrf());
    for (int i = 0; i < before.rules().size(); i++) {
      Icp.Rule r = before.rules().get(i);
      form.param("field." + i, r.field())
          .param("match." + i, r.match())
          .param("points." + i, "" + r.points());
    }
    form.param("remove.0", "true").param("threshold", "" + before.threshold());
    try {
      fixtures.mvc().perform(form).andExpect(status().is3xxRedirection());
      assertThat(icp.profile().rules()).isEqualTo(before.rules().subList(1, before.rules().size()));
    } finally {
      icp.replace(before);
    }
    fixtures
        .mvc()
        .perform(get("/settings/icp").with(fixtures.as(Role.VIEWER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Only a lifecycle admin can change")))
        .andExpect(content().string(not(containsString(">Save</button>"))));
  }
}
