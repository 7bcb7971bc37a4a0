package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import dev.rapport.support.AccessFixtures;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Test helper: real mentions through listening's ingest (a rule made through the API, a source
 * stored as a connector would store it), and the inbox items they become.
 */
@Component
class RealMentions {

  private final Sources sources;
  private final AccessFixtures fixtures;
  private final ObjectMapper json;
  private final JdbcClient jdbc;
  private final InboxItems items;

  RealMentions(
      Sources sources,
      AccessFixtures fixtures,
      ObjectMapper json,
      JdbcClient jdbc,
      InboxItems items) {
    this.sources = sources;
    this.fixtures = fixtures;
    this.json = json;
    this.jdbc = jdbc;
    this.items = items;
  }

  /** A new listening rule matching one unique word; returns the word. */
  String rule(String name) throws Exception {
    String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
    int status =
        fixtures
            .mvc()
            .perform(
                post("/api/v1/listening/rules")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("name", name, "query", word)))
                    .with(fixtures.as(Role.ADMIN))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(201);
    return word;
  }

  /** A paused source of the kind with the config, as the source admin stores one. */
  String source(String kind, Map<String, Object> config) {
    String name = "inbox-" + kind + "-" + UUID.randomUUID().toString().substring(0, 6);
    jdbc.sql(
            "insert into listening_source (name, kind, config, poll_seconds, paused, created_at)"
                + " values (:n, :k, :c, 300, true, :at)")
        .param("n", name)
        .param("k", kind.toUpperCase(java.util.Locale.ROOT))
        .param("c", json.writeValueAsString(config))
        .param("at", Timestamp.from(Instant.now()))
        .update();
    return name;
  }

  /** Ingests one post through the named source; the stored mention's id. */
  long ingest(String source, NormalizedPost post) {
    assertThat(sources.ingest(source, List.of(post)).mentions()).isEqualTo(1);
    return jdbc.sql("select id from listening_mention where native_id = :n")
        .param("n", post.nativeId())
        .query(Long.class)
        .single();
  }

  /** A Mastodon post as the connector normalises one, with its status id on the instance. */
  static NormalizedPost mastodon(String text, String statusId) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    return new NormalizedPost(
        "mastodon",
        "https://example.social/users/m" + id + "/statuses/" + statusId,
        new NormalizedPost.Author(
            "@m" + id + "@example.social", "Mo " + id, "https://example.social/@m" + id),
        text,
        "https://example.social/@m" + id + "/" + statusId,
        Instant.now().minusSeconds(60),
        "en",
        null,
        null,
        null,
        Map.of(),
        "{}",
        null,
        null,
        statusId);
  }

  /** The inbox item a mention became, once the durable listener has run. */
  Item awaitItem(long mention) {
    await().atMost(Duration.ofSeconds(15)).until(() -> items.byMention(mention).isPresent());
    return items.byMention(mention).orElseThrow();
  }

  void delete(long mention) {
    jdbc.sql("update listening_mention set deleted_at = :t, text = '' where id = :id")
        .param("t", Timestamp.from(Instant.now()))
        .param("id", mention)
        .update();
  }
}
