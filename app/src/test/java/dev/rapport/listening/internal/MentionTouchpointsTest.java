package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.listening.MentionCaptured;
import dev.rapport.people.PersonId;
import dev.rapport.support.PersistenceTest;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import dev.rapport.timeline.TouchpointPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Captured posts reach their authors' timelines through the Timeline API, in ingest's transaction.
 */
@PersistenceTest
class MentionTouchpointsTest {

  static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  @Autowired MentionTouchpoints captured;
  @Autowired Timeline timeline;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired CapturedMentions announced;

  static long newId() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
  }

  static MentionCaptured mention(long mentionId, PersonId author, Instant at) {
    return new MentionCaptured(
        mentionId,
        author,
        "mastodon",
        "native-" + mentionId,
        "@ana@example.social",
        "https://example.social/@ana",
        "Ana",
        "Looking for a CRM\u0007 that \u001b listens",
        "https://example.social/@ana/" + mentionId,
        at,
        List.of("1"));
  }

  @Test
  void aBatchOfCapturedPostsLandsTogetherEachOnceAuditedAndAnnounced() {
    PersonId person = new PersonId(newId());
    long base = newId();
    // one of them was already on the timeline: it is neither stored again nor audited again
    tx.executeWithoutResult(s -> captured.captured(List.of(mention(base, person, T0))));
    List<MentionCaptured> batch = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      batch.add(mention(base + i, person, T0.plusSeconds(i)));
    }
    tx.executeWithoutResult(s -> captured.captured(batch));

    TouchpointPage page =
        timeline.forPerson(
            person, new TouchpointFilter(Set.of(), Set.of(), null, null, 0, 10, true));
    assertThat(page.items())
        .extracting(t -> t.source().id())
        .containsExactly(
            Long.toString(base),
            Long.toString(base + 1),
            Long.toString(base + 2),
            Long.toString(base + 3));
    assertThat(page.items())
        .extracting(Touchpoint::summary)
        .containsOnly("Looking for a CRM  that   listens");
    assertThat(page.items()).extracting(Touchpoint::kind).containsOnly(TouchpointKind.POST);
    assertThat(page.items())
        .extracting(t -> t.source().type())
        .containsOnly(MentionTouchpoints.MENTION_SOURCE);
    for (Touchpoint t : page.items()) {
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_log where object_type = 'touchpoint'"
                          + " and object_id = :id and action = 'CREATE'")
                  .param("id", Long.toString(t.id()))
                  .query(Long.class)
                  .single())
          .as("audit of touchpoint %s", t.id())
          .isEqualTo(1);
    }
    assertThat(announced.seen).filteredOn(m -> m.author().equals(person)).hasSize(5);
  }

  @Test
  void postsOfARolledBackTransactionLeaveNoTouchpoint() {
    PersonId person = new PersonId(newId());
    tx.executeWithoutResult(
        status -> {
          captured.captured(List.of(mention(newId(), person, T0)));
          status.setRollbackOnly();
        });
    assertThat(timeline.forPerson(person, TouchpointFilter.firstPage(10)).total()).isZero();
  }
}
