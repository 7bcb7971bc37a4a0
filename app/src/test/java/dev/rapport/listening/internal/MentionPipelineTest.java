package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.Role;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import dev.rapport.people.PersonId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A post goes through the engine's matcher and readers into a stored mention; its author is
 * resolved to a person and the post lands on that person's timeline.
 */
@PersistenceTest
class MentionPipelineTest {

  @Autowired ListeningRules rules;
  @Autowired Sources sources;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired AccessFixtures fixtures;
  @Autowired MentionStore mentions;

  @Test
  void aPostMatchingThousandsOfRulesIsStoredWithEveryRule() {
    List<String> ruleIds = IntStream.range(0, 3000).mapToObj(i -> "9" + (100000 + i)).toList();
    NormalizedPost p = post("@many@mastodon.example", "one post that every rule wants");

    Long[] ids =
        mentions.storeAll(
            List.of(new MentionStore.NewMention(p, new Classification(ruleIds, "[]", "{}"), null)),
            null,
            java.time.Instant.now());

    assertThat(ids[0]).isNotNull();
    String stored =
        jdbc.sql("select rule_ids from listening_mention where id = :id")
            .param("id", ids[0])
            .query(String.class)
            .single();
    assertThat(stored.split(",")).hasSize(3000).startsWith("9100000").endsWith("9102999");
  }

  @Test
  void aMatchedPostBecomesAMentionWithReadingsOnItsAuthorsTimeline() {
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    rules.create("pipeline " + word, word + " NEAR/3 recommend*", true);
    String handle = "@pipe" + word.substring(2, 8) + "@mastodon.example";
    String text = "Can anyone recommend a " + word + " alternative? Ours is down again 😡";
    Sources.IngestOutcome outcome =
        sources.ingest(
            "pipeline-test",
            List.of(
                post(handle, text),
                post(handle + "x", "nothing to see about " + word + " here, no asking")));
    assertThat(outcome.mentions()).isEqualTo(1);

    Map<String, Object> row =
        jdbc.sql(
                "select author_person_id, spans, readings from listening_mention"
                    + " where author_handle = :h")
            .param("h", handle)
            .query()
            .singleRow();
    assertThat(row.get("author_person_id")).isNotNull();
    assertThat(row.get("spans").toString()).contains("\"start\"");
    assertThat(row.get("readings").toString()).contains("\"sentiment\"").contains("\"intents\"");

    PersonId author = new PersonId(((Number) row.get("author_person_id")).longValue());
    List<Touchpoint> touchpoints =
        timeline.forPerson(author, TouchpointFilter.firstPage(50)).items();
    assertThat(touchpoints).anySatisfy(t -> assertThat(t.summary()).isEqualTo(text));
  }

  @Test
  void concurrentBatchesWithTheSameNewAuthorsStoreEveryPostAndOnePersonPerAuthor()
      throws Exception {
    String word = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    rules.create("concurrent " + word, word, true);
    List<String> handles =
        IntStream.range(0, 5).mapToObj(i -> "@same" + i + word + "@example.social").toList();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Sources.IngestOutcome>> results = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        List<NormalizedPost> batch =
            IntStream.range(0, 40)
                .mapToObj(i -> post(handles.get(i % handles.size()), "about " + word + " " + i))
                .toList();
        results.add(pool.submit(() -> sources.ingest("concurrent-test", batch)));
      }
      int mentions = 0;
      for (Future<Sources.IngestOutcome> r : results) {
        mentions += r.get(60, TimeUnit.SECONDS).mentions();
      }
      assertThat(mentions).isEqualTo(80);
    } finally {
      pool.shutdownNow();
    }
    for (String handle : handles) {
      assertThat(
              jdbc.sql(
                      "select count(distinct author_person_id) from listening_mention"
                          + " where author_handle = :h and author_person_id is not null")
                  .param("h", handle)
                  .query(Long.class)
                  .single())
          .as("persons for %s", handle)
          .isEqualTo(1L);
    }
  }

  @Test
  void anAuthorWhosePersonWasDeletedIsResolvedAfresh() throws Exception {
    String word = "zs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    rules.create("deleted " + word, word, true);
    String handle = "@gone" + word + "@example.social";
    sources.ingest("deleted-test", List.of(post(handle, "first " + word)));
    long first = personOf(handle, "first " + word);
    fixtures
        .mvc()
        .perform(delete("/api/v1/persons/{id}", first).with(fixtures.as(Role.ADMIN)))
        .andExpect(status().isNoContent());
    sources.ingest("deleted-test", List.of(post(handle, "second " + word)));
    long second = personOf(handle, "second " + word);
    assertThat(second).isNotEqualTo(first);
    assertThat(
            jdbc.sql("select count(*) from person where id = :id")
                .param("id", second)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  private long personOf(String handle, String text) {
    return jdbc.sql(
            "select author_person_id from listening_mention where author_handle = :h and text = :t")
        .param("h", handle)
        .param("t", text)
        .query(Long.class)
        .single();
  }

  @Test
  void aRuleThatDoesNotParseIsRefusedNamingTheColumn() {
    assertThatThrownBy(() -> rules.create("broken", "crm NEAR/ recommend", true))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).errors())
                    .anySatisfy(
                        f -> {
                          assertThat(f.field()).isEqualTo("keywords");
                          assertThat(f.reason()).contains("column");
                        }));
  }

  private static NormalizedPost post(String handle, String text) {
    return TestPosts.post(UUID.randomUUID().toString(), handle, "Pipe Test", text, 60);
  }
}
