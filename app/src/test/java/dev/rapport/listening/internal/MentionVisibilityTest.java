package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A mention is visible iff its author's person is (persons visible by team here), plus admins; a
 * mention without a person follows the workspace's mention visibility. The list, its count, its
 * filter choices, the API (list, one, count header), global search's post hits and the rule tester
 * all give the same answer, so no route shows a hidden post.
 */
@PersistenceTest
class MentionVisibilityTest {

  @Autowired AccessFixtures fixtures;
  @Autowired JdbcClient jdbc;
  MockMvc mvc;

  TestUser admin;
  TestUser sales;
  String word;
  long own;
  long hidden;
  long ownerless;

  @BeforeEach
  void setUp() throws Exception {
    mvc = fixtures.mvc();
    Team north = fixtures.team();
    Team south = fixtures.team();
    admin = fixtures.user(Role.ADMIN);
    sales = fixtures.user(Role.SALES, north);
    TestUser stranger = fixtures.user(Role.SALES, south);
    word = "vis" + UUID.randomUUID().toString().substring(0, 8);
    visibility("person", "team");
    own = mention(person(sales.id()), word + " said by a teammate", "net" + word.substring(3, 7));
    hidden = mention(person(stranger.id()), word + " hiddenpost by another team", "secretnet");
    ownerless = mention(null, word + " ownerless post", "mastodon");
  }

  @AfterEach
  void restore() throws Exception {
    visibility("person", "everyone");
    visibility("mention", "everyone");
  }

  @Test
  void listCountAndApiShowOnlyPostsOfVisiblePersons() throws Exception {
    MockHttpServletResponse api = call(get("/api/v1/mentions?author=" + word), sales);
    assertThat(api.getStatus()).isEqualTo(200);
    assertThat(api.getHeader("X-Total-Count")).isEqualTo("2");
    assertThat(api.getContentAsString())
        .contains("said by a teammate")
        .doesNotContain("hiddenpost");
    assertThat(call(get("/api/v1/mentions/" + hidden), sales).getStatus()).isEqualTo(404);
    assertThat(call(get("/api/v1/mentions/" + own), sales).getStatus()).isEqualTo(200);

    String page = call(get("/listening?author=" + word), sales).getContentAsString();
    assertThat(page).contains("said by a teammate").doesNotContain("hiddenpost");
    // the filter choices come from the visible mentions only
    assertThat(page).doesNotContain("secretnet");
    assertThat(call(get("/listening/mentions/" + hidden), sales).getStatus()).isEqualTo(404);
    assertThat(call(get("/listening/mentions/" + hidden + "/card"), sales).getStatus())
        .isEqualTo(404);

    MockHttpServletResponse all = call(get("/api/v1/mentions?author=" + word), admin);
    assertThat(all.getHeader("X-Total-Count")).isEqualTo("3");
    assertThat(all.getContentAsString()).contains("hiddenpost");
  }

  @Test
  void searchAndTheRuleTesterSkipHiddenPosts() throws Exception {
    String search = call(get("/search").param("q", word), sales).getContentAsString();
    assertThat(search).contains("said by a teammate").doesNotContain("hiddenpost");

    String tested =
        call(
                post("/api/v1/listening/rules/test")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"query\":\"" + word + "\",\"limit\":1000}"),
                sales)
            .getContentAsString();
    assertThat(tested).contains("said by a teammate").doesNotContain("hiddenpost");
    String byAdmin =
        call(
                post("/api/v1/listening/rules/test")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"query\":\"" + word + "\",\"limit\":1000}"),
                admin)
            .getContentAsString();
    assertThat(byAdmin).contains("hiddenpost");
  }

  @Test
  void aMentionWithoutAPersonFollowsTheMentionVisibility() throws Exception {
    assertThat(call(get("/api/v1/mentions/" + ownerless), sales).getStatus()).isEqualTo(200);
    visibility("mention", "team");
    assertThat(call(get("/api/v1/mentions/" + ownerless), sales).getStatus()).isEqualTo(404);
    assertThat(call(get("/api/v1/mentions/" + ownerless), admin).getStatus()).isEqualTo(200);
    MockHttpServletResponse list = call(get("/api/v1/mentions?author=" + word), sales);
    assertThat(list.getHeader("X-Total-Count")).isEqualTo("1");
    // a person's mention does not depend on the mention setting
    assertThat(call(get("/api/v1/mentions/" + own), sales).getStatus()).isEqualTo(200);
  }

  @Test
  void aMergedPersonsMentionFollowsThePersonItLivesOnNow() throws Exception {
    TestUser south = fixtures.user(Role.SALES, fixtures.team());
    long hiddenTarget = person(south.id());
    long merged = person(sales.id());
    long m = mention(merged, word + " merged away", "mastodon");
    assertThat(call(get("/api/v1/mentions/" + m), sales).getStatus()).isEqualTo(200);
    jdbc.sql("update person set merged_into = :t where id = :id")
        .param("t", hiddenTarget)
        .param("id", merged)
        .update();
    assertThat(call(get("/api/v1/mentions/" + m), sales).getStatus()).isEqualTo(404);
  }

  private MockHttpServletResponse call(MockHttpServletRequestBuilder request, TestUser user)
      throws Exception {
    boolean api =
        request
            .buildRequest(new org.springframework.mock.web.MockServletContext())
            .getRequestURI()
            .startsWith("/api/");
    return mvc.perform(
            request.with(api ? AccessFixtures.bearer(fixtures.token(user)) : user.session()))
        .andReturn()
        .getResponse();
  }

  private void visibility(String type, String level) throws Exception {
    MockHttpServletResponse r =
        call(
            put("/api/v1/visibility/" + type)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\":\"" + level + "\"}"),
            admin);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
  }

  private long person(long owner) throws Exception {
    MockHttpServletResponse r =
        call(
            post("/api/v1/persons")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"firstName\":\"Vis\",\"lastName\":\""
                        + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"ownerUserId\":"
                        + owner
                        + "}"),
            admin);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return Long.parseLong(
        r.getContentAsString().replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
  }

  private long mention(Long person, String text, String network) {
    String nid = UUID.randomUUID().toString();
    jdbc.sql(
            "insert into listening_mention (network, native_id, author_handle, text, created_at,"
                + " metrics, rule_ids, spans, readings, captured_at, author_person_id)"
                + " values (:net, :nid, :handle, :text, current_timestamp, '{}', '', '[]', '{}',"
                + " current_timestamp, :person)")
        .param("net", network)
        .param("nid", nid)
        .param("handle", "@" + word + "@example.social")
        .param("text", text)
        .param("person", person)
        .update();
    return jdbc.sql("select id from listening_mention where native_id = :nid")
        .param("nid", nid)
        .query(Long.class)
        .single();
  }
}
