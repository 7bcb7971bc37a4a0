package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.support.PersistenceTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@PersistenceTest
class WebhookIngestTest {

  @Autowired WebApplicationContext context;
  @Autowired SourceStore sources;
  @Autowired ListeningRules rules;
  @Autowired JdbcClient jdbc;
  @Autowired CapturedMentions captured;

  MockMvc mvc;
  String token;
  long sourceId;
  String word;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    token = SourceTokens.newToken();
    sourceId =
        sources.create(
            "hook-" + UUID.randomUUID(), SourceKind.WEBHOOK, "{}", SourceTokens.hash(token), 300);
    word = "zorblax" + Math.abs(new Random().nextInt());
    rules.create("webhook test " + word, word + ", acme widgets", true);
  }

  String postJson(String id, String text) {
    return """
        {"network":"mastodon","id":"%s","author":{"handle":"@ada@example.social",
         "displayName":"Ada","profileUrl":"https://example.social/@ada"},
         "text":"%s","url":"https://example.social/@ada/%s",
         "createdAt":"2026-11-20T10:15:30Z","language":"en","metrics":{"likes":3}}
        """
        .formatted(id, text, id);
  }

  MockHttpServletResponse send(byte[] body) throws Exception {
    return mvc.perform(
            post("/api/v1/ingest")
                .header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .content(body))
        .andReturn()
        .getResponse();
  }

  MockHttpServletResponse send(String body) throws Exception {
    return send(body.getBytes(StandardCharsets.UTF_8));
  }

  long mentionsWith(String nativeId) {
    return jdbc.sql("select count(*) from listening_mention where native_id = :id")
        .param("id", nativeId)
        .query(Long.class)
        .single();
  }

  @Autowired dev.rapport.support.AccessFixtures access;

  String stats(org.springframework.test.web.servlet.request.RequestPostProcessor as)
      throws Exception {
    return access
        .mvc()
        .perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/api/v1/ingest/stats")
                .with(as))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void latencyFiguresCountCapturedPostsAndStartAfreshOnReset() throws Exception {
    var admin = access.as(dev.rapport.access.Role.ADMIN);
    assertThat(send(postJson(UUID.randomUUID().toString(), "the " + word + " again")).getStatus())
        .isEqualTo(200);
    assertThat(stats(admin)).doesNotContain("\"latencyCount\":0").contains("\"latencyCount\":");
    assertThat(
            access
                .mvc()
                .perform(post("/api/v1/ingest/stats/reset").with(admin))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(204);
    assertThat(stats(admin)).contains("\"latencyCount\":0").contains("\"latencyP99Ms\":-1");
  }

  @Test
  void matchedPostIsStoredAsMentionAndAnnounced() throws Exception {
    String id = UUID.randomUUID().toString();
    MockHttpServletResponse r = send(postJson(id, "loving the " + word + " release"));
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("\"mentions\":1");
    Map<String, Object> row =
        jdbc.sql(
                "select author_handle, author_profile_url, rule_ids, spans, metrics from"
                    + " listening_mention where native_id = :id")
            .param("id", id)
            .query()
            .singleRow();
    assertThat(row.get("author_handle")).isEqualTo("@ada@example.social");
    assertThat(row.get("author_profile_url")).isEqualTo("https://example.social/@ada");
    assertThat((String) row.get("spans")).contains("\"start\":11");
    assertThat(row.get("metrics")).isEqualTo("{\"likes\":3}");
    assertThat(captured.seen.stream().filter(e -> e.nativeId().equals(id)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.authorHandle()).isEqualTo("@ada@example.social");
              assertThat(e.ruleIds()).containsExactly(String.valueOf(row.get("rule_ids")));
            });
  }

  @Test
  void replayedPostIsStoredOnce() throws Exception {
    String id = UUID.randomUUID().toString();
    assertThat(send(postJson(id, word)).getStatus()).isEqualTo(200);
    MockHttpServletResponse again = send(postJson(id, word));
    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(again.getContentAsString()).contains("\"duplicates\":1");
    assertThat(mentionsWith(id)).isEqualTo(1);
  }

  @Test
  void unmatchedPostIsCountedNotStored() throws Exception {
    String id = UUID.randomUUID().toString();
    MockHttpServletResponse r = send(postJson(id, "nothing of interest here"));
    assertThat(r.getContentAsString()).contains("\"unmatched\":1");
    assertThat(mentionsWith(id)).isZero();
    assertThat(sources.get(sourceId).unmatchedTotal()).isEqualTo(1);
  }

  @Test
  void batchKeepsGoodPostsAndDeadLettersBadOnes() throws Exception {
    String good = UUID.randomUUID().toString();
    String body =
        "{\"posts\":["
            + postJson(good, word)
            + ","
            + "{\"network\":\"mastodon\",\"id\":\"x\",\"author\":{\"handle\":\"@b\"},"
            + "\"text\":42,\"createdAt\":\"yesterday\"}]}";
    MockHttpServletResponse r = send(body);
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString())
        .contains("\"rejected\":1")
        .contains("posts[1].text")
        .contains("posts[1].createdAt");
    assertThat(mentionsWith(good)).isEqualTo(1);
    assertThat(
            jdbc.sql("select reason from listening_dead_letter where source_id = :s")
                .param("s", sourceId)
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .contains("posts[1].text: must be a string, got a number");
  }

  @Test
  void onlyBadPostsGet422ProblemNamingTheField() throws Exception {
    String body = postJson("cc-1", "bell \\u0007 here");
    MockHttpServletResponse r = send(body);
    assertThat(r.getStatus()).isEqualTo(422);
    assertThat(r.getContentType()).startsWith("application/problem+json");
    assertThat(r.getContentAsString()).contains("control character U+0007 at offset 5");
    assertThat(sources.get(sourceId).rejectedTotal()).isEqualTo(1);
  }

  @Test
  void wrongTokenIs401() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post("/api/v1/ingest")
                    .header("Authorization", "Bearer nope")
                    .contentType("application/json")
                    .content(postJson("t", word)))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(401);
    assertThat(r.getContentType()).startsWith("application/problem+json");
  }

  @Test
  void tenMegabyteBodyIs413() throws Exception {
    byte[] big = new byte[10 * 1024 * 1024];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    MockHttpServletResponse r = send(big);
    assertThat(r.getStatus()).isEqualTo(413);
    assertThat(r.getContentAsString()).contains("limit");
  }

  @Test
  void invalidUtf8AndMalformedJsonAre400WithWhere() throws Exception {
    byte[] bad = postJson("u", word).getBytes(StandardCharsets.UTF_8);
    bad[40] = (byte) 0xC3;
    bad[41] = (byte) 0x28;
    MockHttpServletResponse r = send(bad);
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString()).contains("not valid UTF-8 at byte 40");
    MockHttpServletResponse m = send("{\"posts\": [ {\"id\": ");
    assertThat(m.getStatus()).isEqualTo(400);
    assertThat(m.getContentAsString()).contains("line 1");
  }

  @Test
  void fuzzedBodiesGet4xxProblemsAndIngestKeepsWorking() throws Exception {
    Random random = new Random(20261123L);
    byte[] seed = ("{\"posts\":[" + postJson("f", word) + "]}").getBytes(StandardCharsets.UTF_8);
    String[] types = {"42", "true", "null", "[]", "{}", "\"\"", "-1.5e300", "\"\\u0000\""};
    for (int i = 0; i < 200; i++) {
      byte[] body = seed.clone();
      switch (i % 5) {
        case 0 -> body[random.nextInt(body.length)] = (byte) random.nextInt(256);
        case 1 -> body = Arrays.copyOf(body, random.nextInt(body.length));
        case 2 -> body[random.nextInt(body.length)] = (byte) random.nextInt(32);
        case 3 -> {
          String s = new String(seed, StandardCharsets.UTF_8);
          String field =
              new String[] {"\"id\"", "\"text\"", "\"author\"", "\"createdAt\"", "\"metrics\""}
                  [random.nextInt(5)];
          int at = s.indexOf(field) + field.length() + 1;
          int comma = s.indexOf(',', at);
          int brace = s.indexOf('}', at);
          int end = comma < 0 ? brace : Math.min(comma, brace);
          body =
              (s.substring(0, at) + types[random.nextInt(types.length)] + s.substring(end))
                  .getBytes(StandardCharsets.UTF_8);
        }
        default -> {
          for (int k = 0; k < 4; k++) {
            body[random.nextInt(body.length)] = (byte) (0x80 + random.nextInt(0x40));
          }
        }
      }
      MockHttpServletResponse r = send(body);
      assertThat(r.getStatus()).as("case %d", i).isLessThan(500);
      if (r.getStatus() >= 400) {
        assertThat(r.getContentType()).as("case %d", i).startsWith("application/problem+json");
        assertThat(r.getContentAsString()).as("case %d", i).contains("\"title\"");
      }
    }
    String id = UUID.randomUUID().toString();
    assertThat(send(postJson(id, word)).getStatus()).isEqualTo(200);
    assertThat(mentionsWith(id)).isEqualTo(1);
  }
}
