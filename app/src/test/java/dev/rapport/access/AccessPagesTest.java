package dev.rapport.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.tokens.IssuedToken;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

@PersistenceTest
class AccessPagesTest {

  @Autowired AccessFixtures access;
  @Autowired Users users;

  @Test
  void aRefusedUserFormKeepsTheInputAndSaysWhatIsWrong() throws Exception {
    TestUser admin = access.user(Role.ADMIN);
    String name = "form-" + System.nanoTime();
    access
        .mvc()
        .perform(
            post("/settings/users")
                .param("username", name)
                .param("displayName", "Form User")
                .param("password", "short")
                .with(admin.session())
                .with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("too weak")))
        .andExpect(content().string(containsString("needs at least one role")))
        .andExpect(content().string(containsString("value=\"" + name + "\"")));
    assertThat(users.byUsername(name)).isEmpty();
    access
        .mvc()
        .perform(
            post("/settings/users")
                .param("username", name)
                .param("displayName", "Form User")
                .param("password", "a long enough password")
                .param("roles", "support")
                .with(admin.session())
                .with(csrf()))
        .andExpect(redirectedUrl("/settings/users"));
    assertThat(users.byUsername(name)).get().extracting(User::roles).asString().contains("SUPPORT");
  }

  @Test
  void aNewTokenIsShownOnceAndNeverAgain() throws Exception {
    TestUser me = access.user(Role.VIEWER);
    MvcResult created =
        access
            .mvc()
            .perform(
                post("/me/tokens")
                    .param("name", "laptop")
                    .param("scope", "read")
                    .with(me.session())
                    .with(csrf()))
            .andExpect(redirectedUrl("/me/tokens"))
            .andReturn();
    IssuedToken issued = (IssuedToken) created.getFlashMap().get("issued");
    assertThat(issued.token()).startsWith("rpt_");
    access
        .mvc()
        .perform(get("/me/tokens").flashAttrs(created.getFlashMap()).with(me.session()))
        .andExpect(content().string(containsString(issued.token())));
    access
        .mvc()
        .perform(get("/me/tokens").with(me.session()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("laptop")))
        .andExpect(content().string(not(containsString(issued.token()))));
  }

  @Test
  void theAuditPageShowsValuesAsTextNeverAsHtml() throws Exception {
    TestUser admin = access.user(Role.ADMIN);
    access
        .mvc()
        .perform(
            post("/settings/teams")
                .param("name", "<script>alert(1)</script> " + System.nanoTime())
                .with(admin.session())
                .with(csrf()))
        .andExpect(redirectedUrl("/settings/teams"));
    access
        .mvc()
        .perform(get("/settings/audit").param("objectType", "team").with(admin.session()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
        .andExpect(content().string(not(containsString("<script>alert(1)"))));
    access
        .mvc()
        .perform(get("/settings/audit").param("from", "last week").with(admin.session()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("not an ISO-8601 instant")));
  }

  @Test
  void theUserAndTeamListsNameEachUsersTeams() throws Exception {
    Team team = access.team();
    TestUser member = access.user(Role.SALES, team);
    TestUser admin = access.user(Role.ADMIN);
    access
        .mvc()
        .perform(get("/settings/users").param("q", member.username()).with(admin.session()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(">" + team.name() + "</span>")));
    access
        .mvc()
        .perform(get("/settings/teams").with(admin.session()))
        .andExpect(status().isOk())
        // members are named by display name, with the user name as the link's title
        .andExpect(content().string(containsString("title=\"" + member.username() + "\"")))
        .andExpect(content().string(containsString(member.username() + "</a>")));
  }

  @Test
  void theSettingsIndexOffersOnlyWhatTheRoleMayOpen() throws Exception {
    access
        .mvc()
        .perform(get("/settings").with(access.user(Role.SALES).session()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("My API tokens")))
        .andExpect(content().string(not(containsString("/settings/users"))));
  }
}
