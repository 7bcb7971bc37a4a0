package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@PersistenceTest
class ListeningPagesTest {

  @Autowired AccessFixtures fixtures;

  @Autowired WebApplicationContext context;
  @Autowired Sources sources;
  @Autowired ListeningRules rules;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  String page(String path, String role) throws Exception {
    return mvc.perform(get(path).with(fixtures.as(Role.valueOf(role))))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void postTextIsEscapedOnTheMentionsPage() throws Exception {
    rules.create("pages test", "escapetest", true);
    String id = UUID.randomUUID().toString();
    Sources.IngestOutcome outcome =
        sources.ingest(
            "pages-test",
            List.of(
                new NormalizedPost(
                    "mastodon",
                    id,
                    new NormalizedPost.Author("@evil", "<b>Evil</b>", null),
                    "escapetest <script>alert(1)</script>",
                    null,
                    Instant.now(),
                    "en",
                    null,
                    null,
                    null,
                    Map.of(),
                    null)));
    assertThat(outcome.mentions()).isEqualTo(1);
    String html = page("/listening", "VIEWER");
    assertThat(html).contains("&lt;script&gt;").contains("(1)&lt;/script&gt;");
    assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>Evil</b>");
  }

  @Test
  void sourcesPageShowsHealthAndFormErrorsNameTheField() throws Exception {
    String html = page("/listening/sources", "MARKETING");
    assertThat(html).contains("Add a source").contains("Dead letters");
    String refused =
        mvc.perform(
                post("/listening/sources")
                    .with(fixtures.as(Role.MARKETING))
                    .with(csrf())
                    .param("name", "metadata feed")
                    .param("kind", "FEED")
                    .param("config", "{\"url\":\"http://169.254.169.254/latest\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("config.url: host &#39;169.254.169.254&#39;");
    int status =
        mvc.perform(
                post("/listening/sources")
                    .with(fixtures.as(Role.VIEWER))
                    .with(csrf())
                    .param("name", "x")
                    .param("kind", "WEBHOOK"))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(403);
  }

  @Test
  void webhookSourceCreatedInTheUiShowsItsTokenOnce() throws Exception {
    var result =
        mvc.perform(
                post("/listening/sources")
                    .with(fixtures.as(Role.MARKETING))
                    .with(csrf())
                    .param("name", "ui hook " + UUID.randomUUID())
                    .param("kind", "WEBHOOK")
                    .param("pollSeconds", "300"))
            .andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/listening/sources");
    assertThat((String) result.getFlashMap().get("token")).startsWith("rps_");
    assertThat(page("/listening/rules", "VIEWER")).contains("Listening rules");
  }
}
