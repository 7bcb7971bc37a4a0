package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.engine.fuzz.Fuzz;
import dev.rapport.support.JsonMutator;
import dev.rapport.support.PersistenceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The webhook under structure-aware mutations of valid payloads (corpus in
 * src/test/resources/fuzz/webhook): never a 5xx; every refusal is Problem Details, and it names
 * what is wrong: each refused field in {@code errors}, or the place in the body (line and column,
 * byte, the {@code posts} member) when the body is not a post at all.
 */
@PersistenceTest
class WebhookFuzzTest {

  @Autowired WebApplicationContext context;
  @Autowired SourceStore sources;
  @Autowired ListeningRules rules;
  @Autowired ObjectMapper json;

  @Test
  void mutatedPayloadsNeverGetA5xxAndEveryRefusalNamesTheField() {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    String token = SourceTokens.newToken();
    sources.create(
        "fuzz-" + UUID.randomUUID(), SourceKind.WEBHOOK, "{}", SourceTokens.hash(token), 300);
    rules.create("webhook fuzz", "acme widgets", true);
    Fuzz.target("webhook", "json", new JsonMutator(300_000))
        .tries(150)
        .run(
            body -> {
              MockHttpServletResponse r =
                  mvc.perform(
                          post("/api/v1/ingest")
                              .header("Authorization", "Bearer " + token)
                              .contentType("application/json")
                              .content(body))
                      .andReturn()
                      .getResponse();
              check(r);
            });
  }

  private void check(MockHttpServletResponse r) throws Exception {
    int status = r.getStatus();
    String text = r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(status).as(text).isLessThan(500);
    JsonNode body = json.readTree(text);
    if (status == 200) {
      assertThat(body.has("received")).as(text).isTrue();
      body.get("errors").forEach(e -> assertThat(e.path("field").asString()).isNotBlank());
      return;
    }
    assertThat(r.getContentType()).as(text).startsWith("application/problem+json");
    assertThat(body.path("status").asInt()).as(text).isEqualTo(status);
    assertThat(body.path("type").asString()).as(text).isNotBlank();
    String type = body.path("type").asString();
    String detail = body.path("detail").asString();
    if (body.has("errors")) {
      assertThat(body.get("errors")).as(text).isNotEmpty();
      body.get("errors").forEach(e -> assertThat(e.path("field").asString()).as(text).isNotBlank());
    } else if (type.endsWith("/malformed-json")) {
      assertThat(detail).as(text).containsPattern("at line \\d+, column \\d+");
    } else if (type.endsWith("/invalid-utf8")) {
      assertThat(detail).as(text).containsPattern("at byte \\d+");
    } else if (type.endsWith("/wrong-shape")) {
      assertThat(detail).as(text).containsAnyOf("posts", "body must be a JSON object");
    } else {
      assertThat(type).as(text).matches(".*/(too-many-posts|body-too-large)");
    }
  }
}
