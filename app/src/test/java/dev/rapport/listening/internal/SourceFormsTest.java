package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Sources are added through a form per kind, each field checked by name, and deleted after a
 * confirmation.
 */
@PersistenceTest
class SourceFormsTest {

  @Autowired AccessFixtures fixtures;
  @Autowired SourceAdmin admin;

  private String page(String path) throws Exception {
    return fixtures
        .mvc()
        .perform(get(path).with(fixtures.as(Role.ADMIN)))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void eachKindShowsItsOwnFieldsAndPollOnlyWhenPolled() throws Exception {
    String mastodon = page("/listening/sources?add=MASTODON");
    assertThat(mastodon)
        .contains("id=\"source-instance\"")
        .contains("id=\"source-mode\"")
        .contains("id=\"source-tag\"")
        .contains("id=\"source-token\"")
        .contains("id=\"source-poll\"")
        .doesNotContain("id=\"source-config\"");
    String webhook = page("/listening/sources?add=WEBHOOK");
    assertThat(webhook).doesNotContain("id=\"source-poll\"").contains("/api/v1/ingest");
    assertThat(page("/listening/sources?add=JETSTREAM"))
        .contains("id=\"source-endpoint\"")
        .contains("id=\"source-collections\"")
        .doesNotContain("id=\"source-poll\"");
    assertThat(page("/listening/sources?add=FILE")).contains("id=\"source-path\"");
  }

  @Test
  void aMissingFieldIsNamedBesideItAndTheFormKeepsWhatWasTyped() throws Exception {
    String html =
        fixtures
            .mvc()
            .perform(
                post("/listening/sources")
                    .with(fixtures.as(Role.ADMIN))
                    .with(csrf())
                    .param("kind", "MASTODON")
                    .param("name", "typed name")
                    .param("mode", "hashtag")
                    .param("tag", ""))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("id=\"err-instance\"")
        .contains("aria-describedby=\"err-instance\"")
        .contains("is required: the server")
        .contains("value=\"typed name\"");
    String poll =
        fixtures
            .mvc()
            .perform(
                post("/listening/sources")
                    .with(fixtures.as(Role.ADMIN))
                    .with(csrf())
                    .param("kind", "FEED")
                    .param("name", "feed " + UUID.randomUUID())
                    .param("url", "https://example.com/feed.xml")
                    .param("pollSeconds", "soon"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(poll).contains("id=\"err-poll\"").contains("whole number of seconds");
  }

  @Test
  void aWebhookShowsItsUrlAndCurlAndIsDeletedAfterConfirmation() throws Exception {
    String name = "hook " + UUID.randomUUID();
    MvcResult created =
        fixtures
            .mvc()
            .perform(
                post("/listening/sources")
                    .with(fixtures.as(Role.ADMIN))
                    .with(csrf())
                    .param("kind", "WEBHOOK")
                    .param("name", name))
            .andReturn();
    String token = (String) created.getFlashMap().get("token");
    assertThat((String) created.getFlashMap().get("tokenCurl"))
        .startsWith("curl -X POST http://localhost/api/v1/ingest")
        .contains("Authorization: Bearer " + token);
    long id =
        admin.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
    assertThat(page("/listening/sources"))
        .contains("How to send posts")
        .contains("/listening/sources/" + id + "/delete");
    assertThat(page("/listening/sources/" + id + "/delete"))
        .contains("Delete the source " + name + "?");
    assertThat(admin.all()).anyMatch(s -> s.id() == id);
    int viewer =
        fixtures
            .mvc()
            .perform(
                post("/listening/sources/" + id + "/delete")
                    .with(fixtures.as(Role.VIEWER))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(viewer).isEqualTo(403);
    fixtures
        .mvc()
        .perform(
            post("/listening/sources/" + id + "/delete").with(fixtures.as(Role.ADMIN)).with(csrf()))
        .andReturn();
    assertThat(admin.all()).noneMatch(s -> s.id() == id);
  }
}
