package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.access.Role;
import dev.rapport.listening.MentionDetails;
import dev.rapport.people.PersonId;
import dev.rapport.sales.InboxNumbers;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every change to an item is appended with who and when, and reaches the person's timeline. */
@PersistenceTest
class InboxWorkTest {

  @Autowired InboxIntake intake;
  @Autowired InboxWork work;
  @Autowired InboxItems items;
  @Autowired InboxSettings settings;
  @Autowired InboxNumbers numbers;
  @Autowired Timeline timeline;
  @Autowired AccessFixtures fixtures;
  @Autowired JdbcClient jdbc;

  static long random() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
  }

  static MentionDetails.Detail mention(String intent, boolean caution) {
    List<MentionDetails.Reading> readings =
        caution
            ? List.of(
                new MentionDetails.Reading("intent", intent, false, 0.9, List.of()),
                new MentionDetails.Reading("event", "LAYOFFS", true, 0.8, List.of()))
            : List.of(new MentionDetails.Reading("intent", intent, false, 0.9, List.of()));
    return new MentionDetails.Detail(
        random(),
        new PersonId(random()),
        "mastodon",
        "n-" + random(),
        "@w@example.social",
        "en",
        "text",
        null,
        Instant.now(),
        null,
        "neutral",
        readings,
        List.of(new MentionDetails.Rule("1", "Buying")));
  }

  @Test
  void assignSnoozeReplyAndDoneAreEachAppendedAndOnTheTimeline() {
    Item item = intake.take(mention("BUYING", false), Instant.now()).orElseThrow();
    var seller = fixtures.user(Role.SALES);

    work.assign(item.id(), seller.id());
    assertThat(numbers.forUser(seller.id())).isEqualTo(new InboxNumbers.Counts(1, 0));
    work.snooze(item.id(), Instant.now().plus(Duration.ofHours(2)));
    assertThat(numbers.forUser(seller.id()).waiting()).isZero();
    Item replied = work.replied(item.id(), "drafted");
    work.done(item.id());

    assertThat(replied.firstResponseAt()).isNotNull();
    assertThat(replied.responseMinutes()).isNotNull().isGreaterThanOrEqualTo(0);
    assertThat(items.changes(item.id()))
        .extracting(InboxItems.Change::action)
        .containsExactly("opened", "routed", "assigned", "snoozed", "replied", "done");
    assertThat(items.changes(item.id()))
        .extracting(InboxItems.Change::byName)
        .containsOnly("system");
    assertThat(items.find(item.id()).orElseThrow().status()).isEqualTo(Status.DONE);
    assertThat(timeline.forPerson(item.person(), TouchpointFilter.firstPage(20)).items())
        .filteredOn(t -> t.kind() == TouchpointKind.NOTE)
        .hasSize(6)
        .anySatisfy(
            t -> assertThat(t.summary()).contains("assigned to " + seller.user().displayName()));
  }

  @Test
  void aSecondReplyKeepsTheFirstResponseTime() {
    Item item = intake.take(mention("QUESTION", false), Instant.now()).orElseThrow();
    Item first = work.replied(item.id(), "drafted");
    Item second = work.replied(item.id(), "mastodon");
    assertThat(second.firstResponseAt()).isEqualTo(first.firstResponseAt());
  }

  @Test
  void anItemPastItsDueTimeWithoutResponseIsBreachedAndCounted() {
    Item item = intake.take(mention("COMPLAINT", true), Instant.now()).orElseThrow();
    assertThat(item.caution()).isTrue();
    var seller = fixtures.user(Role.SALES);
    work.assign(item.id(), seller.id());
    jdbc.sql("update inbox_item set due_at = :d where id = :id")
        .param("d", java.sql.Timestamp.from(Instant.now().minusSeconds(60)))
        .param("id", item.id())
        .update();

    assertThat(items.find(item.id()).orElseThrow().isBreached(Instant.now())).isTrue();
    assertThat(numbers.forUser(seller.id())).isEqualTo(new InboxNumbers.Counts(1, 1));
    work.replied(item.id(), "drafted");
    assertThat(items.find(item.id()).orElseThrow().isBreached(Instant.now())).isFalse();
  }

  @Test
  void aSnoozedItemWaitsAgainOnceItsTimeHasCome() {
    Item item = intake.take(mention("BUYING", false), Instant.now()).orElseThrow();
    var seller = fixtures.user(Role.SALES);
    work.assign(item.id(), seller.id());
    work.snooze(item.id(), Instant.now().plus(Duration.ofHours(1)));
    assertThat(numbers.forUser(seller.id()).waiting()).isZero();

    jdbc.sql("update inbox_item set snoozed_until = :t where id = :id")
        .param("t", java.sql.Timestamp.from(Instant.now().minusSeconds(1)))
        .param("id", item.id())
        .update();
    assertThat(numbers.forUser(seller.id()).waiting()).isEqualTo(1);
    assertThat(items.find(item.id()).orElseThrow().isWaiting(Instant.now())).isTrue();
  }

  @Test
  void badChangesAreRefusedNamingTheField() {
    Item item = intake.take(mention("PRAISE", false), Instant.now()).orElseThrow();
    assertThatThrownBy(() -> work.snooze(item.id(), Instant.now().minusSeconds(5)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("until");
    assertThatThrownBy(() -> work.assign(item.id(), 987_654_321L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("assigneeUserId");
    assertThatThrownBy(() -> settings.setSlas(Map.of("complaint", 0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sla.complaint");
    assertThat(settings.slas().get(Signal.COMPLAINT)).isPositive();
  }

  @Test
  void theDueTimeFollowsTheStrictestReadingsSla() {
    settings.setSlas(Map.of("complaint", 30, "buying", 60));
    settings.setCalendar(
        "UTC",
        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
        "00:00",
        "23:59");
    try {
      MentionDetails.Detail both =
          new MentionDetails.Detail(
              random(),
              new PersonId(random()),
              "bluesky",
              "n-" + random(),
              "@b",
              "en",
              "t",
              null,
              Instant.now(),
              null,
              "negative",
              List.of(
                  new MentionDetails.Reading("intent", "BUYING", false, 0.9, List.of()),
                  new MentionDetails.Reading("intent", "COMPLAINT", false, 0.9, List.of())),
              List.of());
      Instant at = Instant.parse("2026-12-09T10:00:00Z");
      Item item = intake.take(both, at).orElseThrow();
      assertThat(item.slaReading()).isEqualTo("complaint");
      assertThat(item.dueAt()).isEqualTo(at.plus(Duration.ofMinutes(30)));
    } finally {
      settings.setCalendar(
          "UTC", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "09:00", "17:00");
    }
  }
}
