package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.access.Users;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Pages name users by display name, never by user name: the timeline (who wrote a note), the stage
 * history (who moved the person), the audit log (who changed what) and the teams list; the name
 * links to the user's page for a viewer who may open it (user admins), and is plain text otherwise.
 */
@PersistenceTest
class UserDisplayNamesTest {

  @Autowired AccessFixtures fixtures;
  @Autowired Users users;
  @Autowired Lifecycle lifecycle;

  @Test
  void timelineStageHistoryAndAuditLogShowDisplayNamesLinkedForAdmins() throws Exception {
    TestUser writer = fixtures.user(Role.SALES);
    String display = "Maria Q" + UUID.randomUUID().toString().substring(0, 6);
    users.change(writer.id(), new Users.UserChange(display, null, null, null, null));
    String token = fixtures.token(writer);

    long account = id(api(post("/api/v1/accounts"), "{'name':'Names Co " + display + "'}", token));
    long person = id(api(post("/api/v1/persons"), "{'firstName':'Named','lastName':'P'}", token));
    api(
        post("/api/v1/persons/" + person + "/touchpoints"),
        "{'kind':'note','channel':'note','occurredAt':'2026-01-02T03:04:05Z','summary':'hello',"
            + "'source':{'type':'names','id':'"
            + UUID.randomUUID()
            + "'}}",
        token);
    var stages = lifecycle.activeModel().stages();
    api(
        post("/api/v1/persons/" + person + "/stages"),
        "{'productLineId':"
            + lifecycle.productLines().get(0).id()
            + ",'stageId':"
            + stages.get(1).id()
            + ",'why':'names'}",
        token);

    TestUser admin = fixtures.user(Role.ADMIN);
    String userPage = "href=\"/settings/users/" + writer.id() + "\"";

    String timeline = page("/timeline/persons/" + person, admin);
    assertThat(timeline).contains(display).contains(userPage).doesNotContain(writer.username());

    String panel = page("/lifecycle/persons/" + person + "/panel", admin);
    assertThat(panel).contains(display).contains(userPage).doesNotContain(writer.username());

    String audit = page("/settings/audit?objectType=account&objectId=" + account, admin);
    assertThat(audit).contains(">" + display + "</a>").contains(userPage);

    // a viewer without a user page to open reads the name, unlinked
    String asSales = page("/timeline/persons/" + person, writer);
    assertThat(asSales).contains(display).doesNotContain(userPage);
  }

  private String page(String path, TestUser user) throws Exception {
    MockHttpServletResponse r =
        fixtures.mvc().perform(get(path).with(user.session())).andReturn().getResponse();
    assertThat(r.getStatus()).as(path + ": " + r.getContentAsString()).isEqualTo(200);
    return r.getContentAsString();
  }

  private MockHttpServletResponse api(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r,
      String body,
      String token)
      throws Exception {
    MockHttpServletResponse response =
        fixtures
            .mvc()
            .perform(
                r.with(AccessFixtures.bearer(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body.replace('\'', '"')))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 201);
    return response;
  }

  private static long id(MockHttpServletResponse r) throws Exception {
    return Long.parseLong(
        r.getContentAsString().replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
  }
}
