package dev.rapport.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.Stage;
import dev.rapport.lifecycle.StageChange;
import dev.rapport.people.Network;
import dev.rapport.people.PersonCreated;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.support.PersistenceTest;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

@PersistenceTest
class NewPersonsEnterTheLifecycleTest {

  @Autowired SocialIdentities identities;
  @Autowired Lifecycle lifecycle;
  @Autowired Timeline timeline;
  @Autowired EntryRules rules;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @AfterEach
  void automaticAgain() {
    for (PersonCreated.Origin o : PersonCreated.Origin.values()) {
      rules.set(o, true, null);
    }
  }

  @Test
  void anAuthorHeardForTheFirstTimeEntersTheFirstStageByRuleWithHistoryAndTouchpoint() {
    PersonId person =
        identities.resolveAuthor(
            Network.MASTODON, "first" + UUID.randomUUID() + "@example.social", null, null, null, 1);

    List<StageChange> history = awaitHistory(person);

    Stage first = lifecycle.activeModel().stages().get(0);
    assertThat(history).hasSize(1);
    StageChange entry = history.get(0);
    assertThat(entry.from()).isNull();
    assertThat(entry.to().id()).isEqualTo(first.id());
    assertThat(entry.productLine()).isEqualTo(lifecycle.productLines().get(0));
    assertThat(entry.by().kind()).isEqualTo(ChangedBy.Kind.RULE);
    assertThat(entry.why()).isEqualTo("by rule, first heard on mastodon");
    assertThat(timeline.forPerson(person, TouchpointFilter.firstPage(10)).items())
        .filteredOn(t -> t.kind() == TouchpointKind.STAGE_CHANGE)
        .singleElement()
        .satisfies(t -> assertThat(t.summary()).contains(first.name(), "first heard on mastodon"));
  }

  @Test
  void theWorkspaceChoosesTheStagePerOriginOrNoStageAtAll() {
    Stage third = lifecycle.activeModel().stages().get(2);
    rules.set(PersonCreated.Origin.IMPORT, true, third.id());
    rules.set(PersonCreated.Origin.MANUAL, false, null);
    PersonId imported = somebody();
    PersonId byHand = somebody();

    tx.executeWithoutResult(
        s -> {
          events.publishEvent(new PersonCreated(imported, PersonCreated.Origin.IMPORT, null));
          events.publishEvent(new PersonCreated(byHand, PersonCreated.Origin.MANUAL, null));
        });

    StageChange entry = awaitHistory(imported).get(0);
    assertThat(entry.to().id()).isEqualTo(third.id());
    assertThat(entry.why()).isEqualTo("by rule, imported");
    await()
        .during(Duration.ofMillis(700))
        .atMost(Duration.ofSeconds(3))
        .until(() -> lifecycle.history(byHand).isEmpty());
  }

  @Test
  void aPersonAlreadyStagedIsLeftWhereTheyStand() {
    PersonId person = somebody();
    Stage second = lifecycle.activeModel().stages().get(1);
    lifecycle.move(
        person, lifecycle.productLines().get(0).id(), second.id(), ChangedBy.user("ana"), null);

    tx.executeWithoutResult(
        s -> events.publishEvent(new PersonCreated(person, PersonCreated.Origin.MANUAL, null)));

    await()
        .during(Duration.ofMillis(700))
        .atMost(Duration.ofSeconds(3))
        .until(() -> lifecycle.history(person).size() == 1);
  }

  @Test
  void aPersonErasedBeforeTheDeliveryGetsNoStage() {
    PersonId gone = nobody();

    tx.executeWithoutResult(
        s -> events.publishEvent(new PersonCreated(gone, PersonCreated.Origin.MANUAL, null)));

    await()
        .during(Duration.ofMillis(700))
        .atMost(Duration.ofSeconds(3))
        .until(() -> lifecycle.history(gone).isEmpty());
    assertThat(
            jdbc.sql("select count(*) from stage_lock where person_id = :p")
                .param("p", gone.value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aStageOutsideTheActiveModelIsRefusedNamingTheField() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> rules.set(PersonCreated.Origin.IMPORT, true, 987654321L))
        .isInstanceOf(dev.rapport.shared.InvalidInputException.class)
        .hasMessageContaining("stageId");
  }

  private List<StageChange> awaitHistory(PersonId person) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !lifecycle.history(person).isEmpty());
    return lifecycle.history(person);
  }

  /**
   * A stored person whose creation nobody announced yet (the test publishes it). Stored with the
   * first and last name every way in gives a person, so that the whole-workspace export of later
   * tests imports back.
   */
  private PersonId somebody() {
    PersonId id = nobody();
    jdbc.sql(
            "insert into person (id, first_name, last_name, full_name, name_key, may_contact,"
                + " created_at, updated_at)"
                + " values (:id, 'Some', 'Body', 'Some Body', 'some body', false, :now, :now)")
        .param("id", id.value())
        .param("now", java.sql.Timestamp.from(java.time.Instant.now()))
        .update();
    return id;
  }

  /** An id no person has (any more): erased or deleted before the event was delivered. */
  private static PersonId nobody() {
    return new PersonId(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
  }
}
