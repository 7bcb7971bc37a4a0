package dev.rapport.collab.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.people.PersonId;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The feed over its API and its fragment, as real users of two teams with persons visible by team:
 * mentions reach only colleagues who may see the record (the author is told about the others),
 * follows notify, stage changes post themselves, comments are edited and deleted only by their
 * author (deletes also by an admin) and keep their history, bad input is refused by field, and a
 * hidden record's feed is 404 like the record.
 */
@PersistenceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedApiTest {

  @Autowired AccessFixtures access;
  @Autowired ObjectMapper json;
  @Autowired Lifecycle lifecycle;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  Team north;
  TestUser admin;
  TestUser maria;
  TestUser li;
  TestUser stranger;
  String adminToken;
  String mariaToken;
  String liToken;
  String strangerToken;

  @BeforeAll
  void setUp() throws Exception {
    north = access.team();
    Team south = access.team();
    admin = access.user(Role.ADMIN);
    maria = access.user(Role.SALES, north);
    li = access.user(Role.SUPPORT, north);
    stranger = access.user(Role.SALES, south);
    adminToken = access.token(admin);
    mariaToken = access.token(maria);
    liToken = access.token(li);
    strangerToken = access.token(stranger);
    visibility("team");
  }

  @AfterAll
  void restore() throws Exception {
    visibility("everyone");
  }

  void visibility(String level) throws Exception {
    for (String type : List.of("person", "account")) {
      var r = api("PUT", "/api/v1/visibility/" + type, "{'level':'" + level + "'}", adminToken);
      assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    }
  }

  long person() throws Exception {
    var r =
        api(
            "POST",
            "/api/v1/persons",
            "{'firstName':'Feed','lastName':'P"
                + UUID.randomUUID().toString().substring(0, 8)
                + "','ownerUserId':"
                + maria.id()
                + "}",
            adminToken);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return json.readTree(r.getContentAsString()).get("id").asLong();
  }

  long account() throws Exception {
    var r =
        api(
            "POST",
            "/api/v1/accounts",
            "{'name':'Feed Co " + UUID.randomUUID() + "','ownerUserId':" + maria.id() + "}",
            adminToken);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return json.readTree(r.getContentAsString()).get("id").asLong();
  }

  JsonNode comment(long person, String text, String token) throws Exception {
    var r =
        api(
            "POST",
            "/api/v1/feed/persons/" + person + "/comments",
            json.writeValueAsString(java.util.Map.of("text", text)),
            token);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return json.readTree(r.getContentAsString());
  }

  JsonNode notifications(String token) throws Exception {
    var r = api("GET", "/api/v1/notifications", null, token);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    return json.readTree(r.getContentAsString());
  }

  List<JsonNode> notificationsAbout(long person, String token) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode n : notifications(token).get("items")) {
      if (n.get("subjectType").asString().equals("person")
          && n.get("subjectId").asLong() == person) {
        out.add(n);
      }
    }
    return out;
  }

  @Test
  void aMentionNotifiesAColleagueWhoMaySeeThePersonAndTellsTheAuthorAboutTheOthers()
      throws Exception {
    long person = person();
    long liUnreadBefore = notifications(liToken).get("unread").asLong();
    JsonNode posted =
        comment(
            person,
            "@"
                + li.username()
                + " can you help with the export? @"
                + stranger.username()
                + " too, and @ghost-"
                + UUID.randomUUID().toString().substring(0, 6),
            mariaToken);

    JsonNode mentions = posted.get("mentions");
    assertThat(mentions).hasSize(2);
    JsonNode toLi = find(mentions, "username", li.username());
    assertThat(toLi.get("delivered").asBoolean()).isTrue();
    JsonNode toStranger = find(mentions, "username", stranger.username());
    assertThat(toStranger.get("delivered").asBoolean()).isFalse();
    assertThat(toStranger.get("reason").asString()).contains("may not see this person");
    assertThat(posted.get("unknownMentions")).hasSize(1);
    assertThat(posted.get("unknownMentions").get(0).asString()).startsWith("ghost-");
    // the unknown name stays text; the known ones are mentions
    assertThat(posted.get("entry").get("parts").findValuesAsString("type"))
        .containsExactly("mention", "text", "mention", "text");

    List<JsonNode> forLi = notificationsAbout(person, liToken);
    assertThat(forLi).hasSize(1);
    assertThat(forLi.get(0).get("reason").asString()).isEqualTo("mention");
    assertThat(forLi.get(0).get("unread").asBoolean()).isTrue();
    assertThat(forLi.get(0).get("subjectTitle").asString()).startsWith("Feed P");
    assertThat(forLi.get(0).get("href").asString()).isEqualTo("/persons/" + person + "#feed");
    assertThat(notifications(liToken).get("unread").asLong()).isEqualTo(liUnreadBefore + 1);
    assertThat(notificationsAbout(person, strangerToken)).isEmpty();
    assertThat(notificationsAbout(person, mariaToken)).isEmpty();

    // li reads it: one by id, and the count drops
    long id = forLi.get(0).get("id").asLong();
    var read = api("POST", "/api/v1/notifications/" + id + "/read", null, liToken);
    assertThat(read.getStatus()).isEqualTo(200);
    assertThat(notificationsAbout(person, liToken).get(0).get("unread").asBoolean()).isFalse();
    // nobody marks another user's notification
    assertThat(api("POST", "/api/v1/notifications/" + id + "/read", null, mariaToken).getStatus())
        .isEqualTo(404);
  }

  @Test
  void followersHearOfCommentsUntilTheyUnfollowAndTheAuthorHearsNothingOfTheirOwn()
      throws Exception {
    long person = person();
    var follow = api("PUT", "/api/v1/feed/persons/" + person + "/follow", null, liToken);
    assertThat(follow.getStatus()).as(follow.getContentAsString()).isEqualTo(200);
    assertThat(json.readTree(follow.getContentAsString()).get("changed").asBoolean()).isTrue();
    assertThat(
            api("PUT", "/api/v1/feed/persons/" + person + "/follow", null, mariaToken).getStatus())
        .isEqualTo(200);
    // following twice changes nothing
    assertThat(
            json.readTree(
                    api("PUT", "/api/v1/feed/persons/" + person + "/follow", null, liToken)
                        .getContentAsString())
                .get("changed")
                .asBoolean())
        .isFalse();

    comment(person, "Called them, they want a quote by Friday.", mariaToken);
    List<JsonNode> forLi = notificationsAbout(person, liToken);
    assertThat(forLi).hasSize(1);
    assertThat(forLi.get(0).get("reason").asString()).isEqualTo("follow");
    assertThat(notificationsAbout(person, mariaToken)).isEmpty();

    JsonNode feed =
        json.readTree(
            api("GET", "/api/v1/feed/persons/" + person, null, liToken).getContentAsString());
    assertThat(feed.get("following").asBoolean()).isTrue();
    assertThat(feed.get("followers").asInt()).isEqualTo(2);

    assertThat(
            api("DELETE", "/api/v1/feed/persons/" + person + "/follow", null, liToken).getStatus())
        .isEqualTo(200);
    comment(person, "Quote sent.", mariaToken);
    assertThat(notificationsAbout(person, liToken)).hasSize(1);
  }

  @Test
  void aStageChangePostsItselfOnceAndNotifiesTheFollowers() throws Exception {
    long person = person();
    assertThat(api("PUT", "/api/v1/feed/persons/" + person + "/follow", null, liToken).getStatus())
        .isEqualTo(200);
    long line = lifecycle.productLines().get(0).id();
    var stages = lifecycle.activeModel().stages();
    // a new person enters the entry stage after the commit, on its own thread: wait for it
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                lifecycle.currentStages(new PersonId(person)).stream()
                    .anyMatch(c -> c.productLine().id() == line));
    long now =
        lifecycle.currentStages(new PersonId(person)).stream()
            .filter(c -> c.productLine().id() == line)
            .findFirst()
            .orElseThrow()
            .stage()
            .id();
    var target = stages.stream().filter(s -> s.id() != now).findFirst().orElseThrow();
    lifecycle.move(
        new PersonId(person), line, target.id(), ChangedBy.user(maria.username()), "moved");
    String to = target.name();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode feed =
                  json.readTree(
                      api("GET", "/api/v1/feed/persons/" + person, null, liToken)
                          .getContentAsString());
              List<JsonNode> changes = new java.util.ArrayList<>();
              feed.get("items")
                  .forEach(
                      e -> {
                        if (e.get("kind").asString().equals("stage_change")
                            && e.get("text").asString().contains(" to " + to + " ")) {
                          changes.add(e);
                        }
                      });
              assertThat(changes).hasSize(1);
              assertThat(changes.get(0).get("text").asString())
                  .startsWith("Stage changed from ")
                  .contains("by " + maria.user().displayName());
              assertThat(changes.get(0).get("authorUserId").asLong()).isEqualTo(maria.id());
            });
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(notificationsAbout(person, liToken))
                    .anySatisfy(
                        n -> {
                          assertThat(n.get("reason").asString()).isEqualTo("follow");
                          assertThat(n.get("entry").get("kind").asString())
                              .isEqualTo("stage_change");
                        }));
  }

  @Test
  void onlyTheAuthorEditsAndEditsAndDeletesAreRecorded() throws Exception {
    long person = person();
    long id = comment(person, "First draft", mariaToken).get("entry").get("id").asLong();

    var byLi = api("PUT", "/api/v1/feed/comments/" + id, "{'text':'hijacked'}", liToken);
    assertThat(byLi.getStatus()).isEqualTo(403);
    assertThat(byLi.getContentAsString()).contains("only its author may edit");

    var edited =
        api(
            "PUT",
            "/api/v1/feed/comments/" + id,
            "{'text':'Second draft @" + li.username() + "'}",
            mariaToken);
    assertThat(edited.getStatus()).as(edited.getContentAsString()).isEqualTo(200);
    // the mention added by the edit is notified
    assertThat(notificationsAbout(person, liToken)).hasSize(1);

    JsonNode entry = feedEntry(person, id);
    assertThat(entry.get("text").asString()).startsWith("Second draft");
    assertThat(entry.get("editedAt").isNull()).isFalse();
    assertThat(entry.get("history")).hasSize(1);
    assertThat(entry.get("history").get(0).get("text").asString()).isEqualTo("First draft");
    assertThat(entry.get("history").get(0).get("action").asString()).isEqualTo("edit");

    assertThat(api("DELETE", "/api/v1/feed/comments/" + id, null, liToken).getStatus())
        .isEqualTo(403);
    var deleted = api("DELETE", "/api/v1/feed/comments/" + id, null, mariaToken);
    assertThat(deleted.getStatus()).as(deleted.getContentAsString()).isEqualTo(200);
    entry = feedEntry(person, id);
    assertThat(entry.get("text").isNull()).isTrue();
    assertThat(entry.get("deleted").get("byName").asString()).isEqualTo(maria.user().displayName());
    assertThat(entry.get("deleted").get("at").isNull()).isFalse();
    // a deleted comment is edited no more
    assertThat(api("PUT", "/api/v1/feed/comments/" + id, "{'text':'back'}", mariaToken).getStatus())
        .isEqualTo(403);

    // an admin may delete another user's comment (moderation), and is named for it
    long other = comment(person, "off topic", liToken).get("entry").get("id").asLong();
    assertThat(api("DELETE", "/api/v1/feed/comments/" + other, null, adminToken).getStatus())
        .isEqualTo(200);
    assertThat(feedEntry(person, other).get("deleted").get("byName").asString())
        .isEqualTo(admin.user().displayName());
  }

  @Test
  void badCommentsAreRefusedByFieldAndNothingIsStored() throws Exception {
    long person = person();
    String path = "/api/v1/feed/persons/" + person + "/comments";
    assertProblem(api("POST", path, "{'text':'   '}", mariaToken), "text", "is empty");
    assertProblem(
        api("POST", path, "{'text':'" + "a".repeat(10_000) + "'}", mariaToken),
        "text",
        "is 10000 characters long; a comment may have at most 5000");
    assertProblem(
        api("POST", path, "{\"text\":\"nul \\u0000 here\"}", mariaToken), "text", "U+0000");
    assertProblem(api("POST", path, "{'text':42}", mariaToken), "text", "must be a string");
    assertProblem(
        api("POST", path, "{'text':'x','extra':1}", mariaToken), "extra", "not a known field");
    assertProblem(api("POST", path, "not json", mariaToken), "body", "not valid JSON");
    var feed =
        json.readTree(
            api("GET", "/api/v1/feed/persons/" + person, null, mariaToken).getContentAsString());
    assertThat(feed.get("total").asLong()).isZero();
    // a viewer reads the feed but cannot comment
    TestUser viewer = access.user(Role.VIEWER);
    assertThat(api("POST", path, "{'text':'hi'}", access.token(viewer)).getStatus()).isEqualTo(403);
  }

  @Test
  void aHiddenRecordsFeedIsNotFoundEverywhere() throws Exception {
    long person = person();
    long account = account();
    long id =
        comment(person, "secret plan " + UUID.randomUUID(), mariaToken)
            .get("entry")
            .get("id")
            .asLong();
    for (String[] call :
        new String[][] {
          {"GET", "/api/v1/feed/persons/" + person, null},
          {"POST", "/api/v1/feed/persons/" + person + "/comments", "{'text':'hi'}"},
          {"PUT", "/api/v1/feed/persons/" + person + "/follow", null},
          {"DELETE", "/api/v1/feed/persons/" + person + "/follow", null},
          {"GET", "/api/v1/feed/accounts/" + account, null},
          {"POST", "/api/v1/feed/accounts/" + account + "/comments", "{'text':'hi'}"},
          {"PUT", "/api/v1/feed/accounts/" + account + "/follow", null},
          {"PUT", "/api/v1/feed/comments/" + id, "{'text':'mine now'}"},
          {"DELETE", "/api/v1/feed/comments/" + id, null},
        }) {
      var r = api(call[0], call[1], call[2], strangerToken);
      assertThat(r.getStatus()).as("%s %s", call[0], call[1]).isEqualTo(404);
      assertThat(r.getContentAsString()).doesNotContain("secret plan");
    }
    for (String page : List.of("/feed/persons/" + person, "/feed/accounts/" + account)) {
      var r =
          access
              .mvc()
              .perform(MockMvcRequestBuilders.get(page).with(stranger.session()))
              .andReturn()
              .getResponse();
      assertThat(r.getStatus()).as(page).isEqualTo(404);
    }
    var post =
        access
            .mvc()
            .perform(
                MockMvcRequestBuilders.post("/feed/comments/" + id + "/delete")
                    .with(stranger.session())
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(post.getStatus()).isEqualTo(404);
    assertThat(feedEntry(person, id).get("deleted").isNull()).isTrue();
  }

  @Test
  void theFragmentRendersCommentsAsTextWithSafeLinksAndMentions() throws Exception {
    long person = person();
    comment(
        person,
        "<script>alert(1)</script> see https://example.com/deal?x=1&y=2 and javascript:alert(2) @"
            + li.username(),
        mariaToken);
    var r =
        access
            .mvc()
            .perform(MockMvcRequestBuilders.get("/feed/persons/" + person).with(maria.session()))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    String html = r.getContentAsString();
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    assertThat(html)
        .contains("href=\"https://example.com/deal?x=1&amp;y=2\"")
        .contains("rel=\"noopener nofollow ugc\"")
        .doesNotContain("href=\"javascript:");
    assertThat(html)
        .containsPattern("<span\\s+class=\"feed-mention\">@" + li.username() + "</span>");

    // a form post that fails keeps the draft and names the problem
    var tooLong =
        access
            .mvc()
            .perform(
                MockMvcRequestBuilders.post("/feed/persons/" + person + "/comments")
                    .with(maria.session())
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("text", "b".repeat(10_000)))
            .andReturn()
            .getResponse();
    assertThat(tooLong.getStatus()).isEqualTo(200);
    assertThat(tooLong.getContentAsString())
        .contains("The comment is 10000 characters long; a comment may have at most 5000");
  }

  @Test
  void theNavigationCountAndMarkingAllRead() throws Exception {
    long person = person();
    TestUser reader = access.user(Role.SALES, north);
    comment(person, "ping @" + reader.username(), adminToken);
    comment(person, "again @" + reader.username() + " (sorry, one more)", adminToken);
    // a new comment is a new entry: the second mention notifies again
    String count =
        access
            .mvc()
            .perform(MockMvcRequestBuilders.get("/notifications/count").with(reader.session()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(count).contains("id=\"nav-count-notifications\"").contains(">2</span>");
    var all = api("POST", "/api/v1/notifications/read-all", null, access.token(reader));
    assertThat(json.readTree(all.getContentAsString()).get("marked").asInt()).isEqualTo(2);
    assertThat(json.readTree(all.getContentAsString()).get("unread").asLong()).isZero();
    String page =
        access
            .mvc()
            .perform(MockMvcRequestBuilders.get("/notifications").with(reader.session()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("mentioned you on").contains("Feed P").contains("0 unread");
  }

  @Test
  void theAutocompleteOffersEnabledColleaguesByNameOrUserName() throws Exception {
    var byName = api("GET", "/api/v1/feed/mentionable?q=" + li.username(), null, mariaToken);
    assertThat(byName.getStatus()).as(byName.getContentAsString()).isEqualTo(200);
    JsonNode found = json.readTree(byName.getContentAsString());
    assertThat(found.get(0).get("username").asString()).isEqualTo(li.username());
    assertThat(found.get(0).get("name").asString()).isEqualTo(li.user().displayName());
    // a word of the display name ("Test u-…") finds them too; never the caller
    JsonNode byWord =
        json.readTree(
            api("GET", "/api/v1/feed/mentionable?q=test&limit=20", null, mariaToken)
                .getContentAsString());
    assertThat(byWord.findValuesAsString("username")).doesNotContain(maria.username());
    assertProblem(api("GET", "/api/v1/feed/mentionable?q=", null, mariaToken), "q", "is required");
    assertProblem(
        api("GET", "/api/v1/feed/mentionable?q=a&limit=500", null, mariaToken), "limit", "between");
  }

  @Test
  void aMergeMovesTheFeedAndFollowsAndAnErasureRemovesThemAfterTheExportShowedThem()
      throws Exception {
    long survivor = person();
    long merged = person();
    comment(survivor, "on the survivor", mariaToken);
    long moved = comment(merged, "on the duplicate", mariaToken).get("entry").get("id").asLong();
    api("PUT", "/api/v1/feed/persons/" + merged + "/follow", null, liToken);
    api("PUT", "/api/v1/feed/persons/" + survivor + "/follow", null, liToken);
    var merge =
        api(
            "POST",
            "/api/v1/merges",
            "{'survivorId':" + survivor + ",'mergedId':" + merged + ",'reason':'same person'}",
            adminToken);
    assertThat(merge.getStatus()).as(merge.getContentAsString()).isBetween(200, 201);
    JsonNode feed =
        json.readTree(
            api("GET", "/api/v1/feed/persons/" + survivor, null, liToken).getContentAsString());
    assertThat(feed.get("total").asLong()).isEqualTo(2);
    List<String> texts = new java.util.ArrayList<>();
    feed.get("items").forEach(e -> texts.add(e.get("text").asString()));
    assertThat(texts).containsExactlyInAnyOrder("on the survivor", "on the duplicate");
    // li followed both: one follow is left, on the survivor
    assertThat(feed.get("followers").asInt()).isEqualTo(1);
    assertThat(feed.get("following").asBoolean()).isTrue();

    String export =
        api("GET", "/api/v1/persons/" + survivor + "/export", null, adminToken)
            .getContentAsString();
    assertThat(export).contains("\"feed\"").contains("on the duplicate");

    var erase =
        api("POST", "/api/v1/persons/" + survivor + "/erase", "{'reason':'asked'}", adminToken);
    assertThat(erase.getStatus()).as(erase.getContentAsString()).isBetween(200, 204);
    assertThat(
            jdbc.sql(
                    "select count(*) from collab_entry where subject_type = 'PERSON'"
                        + " and subject_id in (:ids)")
                .param("ids", List.of(survivor, merged))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from collab_revision where entry_id = :e")
                .param("e", moved)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from collab_follow where subject_type = 'PERSON'"
                        + " and subject_id = :s")
                .param("s", survivor)
                .query(Long.class)
                .single())
        .isZero();
  }

  // ---- helpers ----

  JsonNode feedEntry(long person, long id) throws Exception {
    JsonNode feed =
        json.readTree(
            api("GET", "/api/v1/feed/persons/" + person, null, adminToken).getContentAsString());
    for (JsonNode e : feed.get("items")) {
      if (e.get("id").asLong() == id) {
        return e;
      }
    }
    throw new AssertionError("no entry " + id + " in " + feed);
  }

  static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode n : list) {
      if (n.get(field).asString().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + list);
  }

  void assertProblem(MockHttpServletResponse r, String field, String reason) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
    assertThat(r.getContentType()).contains("application/problem+json");
    assertThat(r.getContentAsString()).contains("\"" + field + "\"").contains(reason);
  }

  MockHttpServletResponse api(String method, String path, String body, String token)
      throws Exception {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
            .accept(MediaType.APPLICATION_JSON)
            .with(AccessFixtures.bearer(token));
    if (body != null) {
      request
          .contentType(MediaType.APPLICATION_JSON)
          .content(body.startsWith("{\"") ? body : body.replace('\'', '"'));
    }
    return access.mvc().perform(request).andReturn().getResponse();
  }
}
