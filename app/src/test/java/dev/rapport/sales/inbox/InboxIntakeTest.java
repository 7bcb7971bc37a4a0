package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.listening.MentionDetails;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/** Captured mentions with an actionable reading become inbox items, once, through the registry. */
@PersistenceTest
class InboxIntakeTest {

  @Autowired Sources sources;
  @Autowired AccessFixtures fixtures;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired InboxItems items;
  @Autowired InboxIntake intake;
  @Autowired MentionDetails mentions;
  @Autowired Timeline timeline;

  String word;
  String ruleName;

  @BeforeEach
  void aRule() throws Exception {
    word = "zq" + UUID.randomUUID().toString().substring(0, 8);
    ruleName = "Inbox test " + word;
    int status =
        fixtures
            .mvc()
            .perform(
                post("/api/v1/listening/rules")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("name", ruleName, "query", word)))
                    .with(fixtures.as(Role.ADMIN))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(201);
  }

  @Test
  void aBuyingQuestionBecomesOneItemWithItsReadingsRuleAndHistory() {
    long mention = ingest("Can anyone recommend a good CRM? We are evaluating vendors " + word);

    Item item = awaitItem(mention);
    assertThat(item.readings()).containsExactly("buying", "question");
    assertThat(item.slaReading()).isEqualTo("buying");
    assertThat(item.status()).isEqualTo(Status.NEW);
    assertThat(item.caution()).isFalse();
    assertThat(item.dueAt()).isAfter(item.createdAt());
    assertThat(items.changes(item.id()))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo("opened");
              assertThat(c.detail()).contains("Buying signal", ruleName);
            });
    assertThat(timeline.forPerson(item.person(), TouchpointFilter.firstPage(20)).items())
        .filteredOn(t -> t.kind() == TouchpointKind.NOTE)
        .singleElement()
        .satisfies(t -> assertThat(t.summary()).contains("Inbox item #" + item.id() + " opened"));
  }

  @Test
  void aRedeliveredMentionAddsNoSecondItem() {
    long mention = ingest("Acme support is terrible, my invoices are broken " + word);
    Item first = awaitItem(mention);
    assertThat(first.readings()).contains("complaint");
    assertThat(first.slaReading()).isEqualTo("complaint");

    MentionDetails.Detail again = mentions.find(mention).orElseThrow();
    assertThat(intake.take(again, Instant.now())).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from inbox_item where mention_id = :m")
                .param("m", mention)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aPostWithoutAnActionableReadingMakesNoItem() {
    long chat = ingest("Lovely weather in Lisbon today " + word);
    long grief = ingest("My father passed away, taking some time off " + word);
    long control = ingest("How do I export contacts from Acme? " + word);

    awaitItem(control);
    assertThat(items.byMention(chat)).isEmpty();
    assertThat(items.byMention(grief)).isEmpty();
  }

  private long ingest(String text) {
    String id = UUID.randomUUID().toString();
    NormalizedPost p =
        new NormalizedPost(
            "mastodon",
            "inbox-" + id,
            new NormalizedPost.Author(
                "@in" + id.substring(0, 6) + "@example.social",
                "Inbox Tester",
                "https://example.social/@in" + id.substring(0, 6)),
            text,
            "https://example.social/@in/" + id,
            Instant.now().minusSeconds(30),
            "en",
            null,
            null,
            null,
            Map.of(),
            "{}");
    assertThat(sources.ingest("inbox-test", List.of(p)).mentions()).isEqualTo(1);
    return jdbc.sql("select id from listening_mention where native_id = :n")
        .param("n", "inbox-" + id)
        .query(Long.class)
        .single();
  }

  private Item awaitItem(long mention) {
    await().atMost(Duration.ofSeconds(15)).until(() -> items.byMention(mention).isPresent());
    Optional<Item> item = items.byMention(mention);
    return item.orElseThrow();
  }
}
