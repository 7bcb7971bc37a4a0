package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.support.PersistenceTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * The Mastodon connector against a loopback instance that pages, edits and deletes as Mastodon
 * documents it ({@link MastodonLoopback}): every status is stored exactly once, with its own date,
 * whatever the number that arrived between two runs.
 */
@PersistenceTest
class MastodonFidelityTest {

  @Autowired SourceAdmin admin;
  @Autowired SourceStore store;
  @Autowired ListeningRules rules;
  @Autowired MentionStore mentionList;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  static String word() {
    return "zorbm" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  long source(MastodonLoopback server, String word, String mode, String extra) {
    rules.create("mastodon " + word, word, true);
    String config =
        "{\"instance\":\""
            + server.base()
            + "\",\"mode\":\""
            + mode
            + "\",\"tag\":\""
            + word
            + "\",\"query\":\""
            + word
            + "\""
            + extra
            + "}";
    return admin.create("src-" + word, "MASTODON", json.readTree(config), 600).source().id();
  }

  List<Map<String, Object>> rows(long sourceId) {
    return jdbc.sql(
            "select id, native_id, text, created_at, deleted_at from listening_mention"
                + " where source_id = :s order by native_id")
        .param("s", sourceId)
        .query()
        .listOfRows();
  }

  void runAgain(long sourceId) {
    // a run that is still finishing would set its own next run time after ours
    await().atMost(Duration.ofSeconds(20)).until(() -> !admin.get(sourceId).running());
    jdbc.sql("update listening_source set next_run_at = :t where id = :id")
        .param("t", Timestamp.from(Instant.now().minusSeconds(1)))
        .param("id", sourceId)
        .update();
  }

  /** Every status stored once, with the date the instance gave it; nothing else. */
  void assertStoredExactly(long sourceId, List<String> ids, MastodonLoopback server) {
    List<Map<String, Object>> rows = rows(sourceId);
    assertThat(rows)
        .extracting(r -> r.get("native_id"))
        .containsExactlyInAnyOrderElementsOf(ids.stream().map(MastodonLoopback::uri).toList());
    for (Map<String, Object> r : rows) {
      String id = r.get("native_id").toString().replaceAll(".*/", "");
      Instant expected =
          Instant.parse(server.status(Long.parseLong(id), "x").get("created_at").asString());
      assertThat(instant(r.get("created_at"))).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hashtag", "public", "search", "stream"})
  void fiftyFiveNewerStatusesAfterTenAreAllStoredOnce(String mode) throws Exception {
    String word = word();
    try (MastodonLoopback server = new MastodonLoopback(word)) {
      List<String> first = server.publish(10);
      long id = source(server, word, mode, "");
      await().atMost(Duration.ofSeconds(20)).until(() -> rows(id).size() == 10);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> first.get(9).equals(store.get(id).cursor()));
      List<String> later = server.publish(55);
      runAgain(id);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> later.get(54).equals(store.get(id).cursor()));
      List<String> all = new java.util.ArrayList<>(first);
      all.addAll(later);
      assertStoredExactly(id, all, server);
      // the documented way forward from a cursor: min_id, never since_id
      assertThat(server.requests).noneMatch(r -> r.contains("since_id"));
    }
  }

  @Test
  void aNewSourceReachesBackAsFarAsItsBackfillAndNoFurther() throws Exception {
    String word = word();
    try (MastodonLoopback server = new MastodonLoopback(word)) {
      List<String> ids = server.publish(65);
      long byDefault = source(server, word, "hashtag", "");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> ids.get(64).equals(store.get(byDefault).cursor()));
      // documented default: the newest 40 statuses
      assertStoredExactly(byDefault, ids.subList(25, 65), server);
    }
    String other = word();
    try (MastodonLoopback server = new MastodonLoopback(other)) {
      List<String> ids = server.publish(65);
      long deep = source(server, other, "public", ",\"backfill\":100");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> ids.get(64).equals(store.get(deep).cursor()));
      assertStoredExactly(deep, ids, server);
    }
  }

  @Test
  void streamedEditReplacesTheStoredTextAndTheTimelineSummary() throws Exception {
    String word = word();
    try (MastodonLoopback server = new MastodonLoopback(word)) {
      List<String> ids = server.publish(1);
      long id = source(server, word, "stream", "");
      await().atMost(Duration.ofSeconds(20)).until(() -> rows(id).size() == 1);
      var edited = server.status(Long.parseLong(ids.get(0)), "Edited: now about pricing and");
      edited.put("edited_at", "2026-11-02T00:00:00Z");
      server.queueEvent("status.update", server.toJson(edited));
      runAgain(id);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> rows(id).get(0).get("text").toString().startsWith("Edited: now about"));
      long mentionId = ((Number) rows(id).get(0).get("id")).longValue();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> summary(mentionId).startsWith("Edited: now about pricing"));
      assertThat(rows(id)).hasSize(1);
    }
  }

  @Test
  void streamedDeleteMarksTheMentionDeletedAndRemovesItsTextEverywhere() throws Exception {
    String word = word();
    try (MastodonLoopback server = new MastodonLoopback(word)) {
      List<String> ids = server.publish(2);
      long id = source(server, word, "stream", "");
      await().atMost(Duration.ofSeconds(20)).until(() -> rows(id).size() == 2);
      // the streaming API's delete event carries the status id alone
      server.queueEvent("delete", ids.get(0));
      runAgain(id);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> rows(id).stream().anyMatch(r -> r.get("deleted_at") != null));
      Map<String, Object> deleted =
          rows(id).stream()
              .filter(r -> r.get("native_id").equals(MastodonLoopback.uri(ids.get(0))))
              .findFirst()
              .orElseThrow();
      assertThat(deleted.get("deleted_at")).isNotNull();
      assertThat(deleted.get("text").toString()).doesNotContain(word).doesNotContain("Post number");
      long mentionId = ((Number) deleted.get("id")).longValue();
      assertThat(mentionList.recent(dev.rapport.people.VisiblePersons.Condition.ALL, 500))
          .filteredOn(m -> m.id() == mentionId)
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.deletedAt()).isNotNull();
                assertThat(m.text()).doesNotContain("Post number");
              });
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> summary(mentionId).equals("(deleted by its author)"));
      // the other status is untouched
      assertThat(rows(id))
          .filteredOn(r -> r.get("native_id").equals(MastodonLoopback.uri(ids.get(1))))
          .singleElement()
          .satisfies(r -> assertThat(r.get("deleted_at")).isNull());
    }
  }

  @Test
  void aMalformedStreamEventIsSetAsideAndTheNextEventIsStored() throws Exception {
    String word = word();
    try (MastodonLoopback server = new MastodonLoopback(word)) {
      server.publish(1);
      long id = source(server, word, "stream", "");
      await().atMost(Duration.ofSeconds(20)).until(() -> rows(id).size() == 1);
      server.queueEvent(
          "update", "{\"id\": \"" + server.unpublishedId(1) + "\", \"content\": <p>broken");
      String next = server.unpublishedId(2);
      server.queueEvent(
          "update", server.toJson(server.status(Long.parseLong(next), "After the broken one")));
      runAgain(id);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  rows(id).stream()
                      .anyMatch(r -> r.get("native_id").equals(MastodonLoopback.uri(next))));
      assertThat(
              jdbc.sql(
                      "select count(*) from listening_dead_letter where source_id = :s"
                          + " and raw_excerpt like '%broken%'")
                  .param("s", id)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(store.get(id).lastError()).isNull();
    }
  }

  static Instant instant(Object value) {
    return value instanceof Timestamp t
        ? t.toInstant()
        : ((java.time.OffsetDateTime) value).toInstant();
  }

  String summary(long mentionId) {
    return jdbc.sql(
            "select summary from touchpoint where source_type = 'listening.mention'"
                + " and source_id = :id")
        .param("id", Long.toString(mentionId))
        .query(String.class)
        .optional()
        .orElse("");
  }
}
