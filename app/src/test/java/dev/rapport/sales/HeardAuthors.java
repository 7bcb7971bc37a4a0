package dev.rapport.sales;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.people.PersonId;
import dev.rapport.support.AccessFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Test helper: posts through the real ingest API (a webhook source and a listening rule of its
 * own), so sales tests hear authors exactly as production does.
 */
@Component
public class HeardAuthors {

  /** A rule word and a webhook token; every post sent carries the word so the rule matches. */
  public record Channel(String word, String token) {}

  /** A post that was stored as a mention, and its author's person. */
  public record Heard(long mentionId, PersonId author) {}

  private final AccessFixtures access;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  HeardAuthors(AccessFixtures access, JdbcClient jdbc, ObjectMapper json) {
    this.access = access;
    this.jdbc = jdbc;
    this.json = json;
  }

  public Channel channel() throws Exception {
    var admin = access.as(Role.ADMIN);
    String word = "heard" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    access
        .mvc()
        .perform(
            post("/api/v1/listening/rules")
                .with(admin)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"rule " + word + "\",\"query\":\"" + word + "\"}"));
    String body =
        access
            .mvc()
            .perform(
                post("/api/v1/sources")
                    .with(admin)
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"hook " + word + "\",\"kind\":\"WEBHOOK\",\"config\":{}}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return new Channel(word, json.readTree(body).get("token").asString());
  }

  /**
   * Sends a Mastodon post by the handle (text gets the channel's word) and waits for its author.
   */
  public Heard send(Channel channel, String handle, String text, Instant at) throws Exception {
    String nativeId = UUID.randomUUID().toString();
    String payload =
        json.writeValueAsString(
            java.util.Map.of(
                "network",
                "mastodon",
                "id",
                nativeId,
                "author",
                java.util.Map.of(
                    "handle", handle,
                    "displayName", "Heard " + channel.word(),
                    "profileUrl", "https://example.social/" + handle),
                "text",
                text + " " + channel.word(),
                "url",
                "https://example.social/" + nativeId,
                "createdAt",
                at.toString(),
                "language",
                "en"));
    access
        .mvc()
        .perform(
            post("/api/v1/ingest")
                .header("Authorization", "Bearer " + channel.token())
                .contentType(MediaType.APPLICATION_JSON)
                .content(payload))
        .andReturn();
    long mention =
        jdbc.sql("select id from listening_mention where native_id = :n")
            .param("n", nativeId)
            .query(Long.class)
            .single();
    Long author =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    jdbc.sql("select author_person_id from listening_mention where id = :id")
                        .param("id", mention)
                        .query((rs, n) -> (Long) rs.getObject(1, Long.class))
                        .single(),
                a -> a != null);
    return new Heard(mention, new PersonId(author));
  }
}
