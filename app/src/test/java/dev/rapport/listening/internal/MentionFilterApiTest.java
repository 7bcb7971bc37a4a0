package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.rapport.access.Role;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Saved mention filters through the API: create, list, rename, delete, each user's own only, and
 * Problem Details naming the field for bad input; documented with examples.
 */
@PersistenceTest
class MentionFilterApiTest {

  @Autowired AccessFixtures fixtures;
  @Autowired ObjectMapper json;

  private MockHttpServletResponse call(MockHttpServletRequestBuilder r, TestUser user)
      throws Exception {
    return fixtures
        .mvc()
        .perform(
            r.with(AccessFixtures.bearer(fixtures.token(user))).accept(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse send(MockHttpServletRequestBuilder r, String body, TestUser user)
      throws Exception {
    return call(r.contentType(MediaType.APPLICATION_JSON).content(body.replace('\'', '"')), user);
  }

  @Test
  void createListRenameDeleteTheOwnFiltersOnly() throws Exception {
    TestUser ana = fixtures.user(Role.MARKETING);
    TestUser bob = fixtures.user(Role.MARKETING);
    String name = "Unhappy " + UUID.randomUUID().toString().substring(0, 6);

    MockHttpServletResponse created =
        send(
            post("/api/v1/mention-filters"),
            "{'name':'" + name + "','filter':{'sentiment':'negative','intent':'buying'}}",
            ana);
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    JsonNode f = json.readTree(created.getContentAsString());
    long id = f.get("id").asLong();
    assertThat(f.at("/filter/sentiment").asString()).isEqualTo("negative");
    assertThat(f.at("/filter/intent").asString()).isEqualTo("buying");
    assertThat(f.at("/links/mentions").asString())
        .isEqualTo("/api/v1/mentions?sentiment=negative&intent=buying");
    // the saved query gives the same list as the parameters
    assertThat(call(get(f.at("/links/mentions").asString()), ana).getStatus()).isEqualTo(200);

    JsonNode list = json.readTree(call(get("/api/v1/mention-filters"), ana).getContentAsString());
    assertThat(list.findValuesAsString("name")).contains(name);
    assertThat(call(get("/api/v1/mention-filters"), bob).getContentAsString()).doesNotContain(name);

    // another user's filter is not found, and stays
    assertThat(send(put("/api/v1/mention-filters/" + id), "{'name':'Taken'}", bob).getStatus())
        .isEqualTo(404);
    assertThat(call(delete("/api/v1/mention-filters/" + id), bob).getStatus()).isEqualTo(404);

    MockHttpServletResponse renamed =
        send(put("/api/v1/mention-filters/" + id), "{'name':'" + name + " (EU)'}", ana);
    assertThat(renamed.getStatus()).as(renamed.getContentAsString()).isEqualTo(200);
    assertThat(json.readTree(renamed.getContentAsString()).get("name").asString())
        .isEqualTo(name + " (EU)");

    assertThat(call(delete("/api/v1/mention-filters/" + id), ana).getStatus()).isEqualTo(204);
    assertThat(call(get("/api/v1/mention-filters"), ana).getContentAsString()).doesNotContain(name);
  }

  @Test
  void badInputGetsProblemDetailsNamingTheField() throws Exception {
    TestUser ana = fixtures.user(Role.MARKETING);
    assertProblem(
        send(post("/api/v1/mention-filters"), "{'name':'x','filter':{'sentiment':'angry'}}", ana),
        "filter.sentiment");
    assertProblem(
        send(post("/api/v1/mention-filters"), "{'name':'x','filter':{'mood':'calm'}}", ana),
        "filter.mood");
    assertProblem(send(post("/api/v1/mention-filters"), "{'name':'x','filter':{}}", ana), "filter");
    assertProblem(
        send(post("/api/v1/mention-filters"), "{'name':' ','filter':{'network':'bluesky'}}", ana),
        "name");
    String dup = "Dup " + UUID.randomUUID().toString().substring(0, 6);
    String body = "{'name':'" + dup + "','filter':{'network':'bluesky'}}";
    assertThat(send(post("/api/v1/mention-filters"), body, ana).getStatus()).isEqualTo(201);
    assertProblem(send(post("/api/v1/mention-filters"), body, ana), "name");
  }

  @Test
  void theOpenApiDocumentDescribesTheRoutesWithExamples() throws Exception {
    JsonNode doc =
        json.readTree(
            call(get("/api/v1/openapi.json"), fixtures.user(Role.ADMIN)).getContentAsString());
    JsonNode paths = doc.get("paths");
    assertThat(paths.has("/api/v1/mention-filters")).isTrue();
    assertThat(paths.at("/~1api~1v1~1mention-filters~1{id}").has("put")).isTrue();
    assertThat(paths.at("/~1api~1v1~1mention-filters~1{id}").has("delete")).isTrue();
    assertThat(paths.at("/~1api~1v1~1mention-filters/post").toString())
        .contains("Unhappy buyers")
        .contains("filter.sentiment");
  }

  private void assertProblem(MockHttpServletResponse r, String field) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
    JsonNode problem = json.readTree(r.getContentAsString());
    assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
  }
}
