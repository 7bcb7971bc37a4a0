package dev.rapport.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.people.AccountId;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonsMerged;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.PersistenceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

@PersistenceTest
class TimelineTest {

  static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  @Autowired Timeline timeline;
  @Autowired Lifecycle lifecycle;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  static long newId() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
  }

  static NewTouchpoint email(PersonId person, Instant at, String sourceId) {
    return NewTouchpoint.of(
        person,
        null,
        TouchpointKind.EMAIL,
        "email",
        Direction.IN,
        at,
        "ana",
        "Re: pricing",
        new SourceRef("test.email", sourceId, null));
  }

  @Test
  void touchpointsReadBackNewestFirstAPageAtATime() {
    PersonId person = new PersonId(newId());
    for (int i = 0; i < 5; i++) {
      timeline.append(email(person, T0.plus(Duration.ofHours(i)), person + "-" + i));
    }

    TouchpointPage first = timeline.forPerson(person, TouchpointFilter.firstPage(2));
    TouchpointPage last =
        timeline.forPerson(
            person, new TouchpointFilter(Set.of(), Set.of(), null, null, 2, 2, false));
    TouchpointPage oldestFirst =
        timeline.forPerson(
            person, new TouchpointFilter(Set.of(), Set.of(), null, null, 0, 5, true));

    assertThat(first.total()).isEqualTo(5);
    assertThat(first.hasNext()).isTrue();
    assertThat(first.items())
        .extracting(Touchpoint::occurredAt)
        .containsExactly(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(3)));
    assertThat(last.items()).extracting(Touchpoint::occurredAt).containsExactly(T0);
    assertThat(last.hasNext()).isFalse();
    assertThat(oldestFirst.items()).extracting(Touchpoint::occurredAt).isSorted();
  }

  @Test
  void appendingTheSameSourceAgainStoresItOnce() {
    PersonId person = new PersonId(newId());
    Timeline.Appended first = timeline.append(email(person, T0, "same-" + person));
    Timeline.Appended again = timeline.append(email(person, T0.plusSeconds(60), "same-" + person));

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.touchpoint().id()).isEqualTo(first.touchpoint().id());
    assertThat(again.touchpoint().occurredAt()).isEqualTo(T0);
    assertThat(timeline.forPerson(person, TouchpointFilter.firstPage(10)).total()).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_log where object_type = 'touchpoint'"
                        + " and object_id = :id and action = 'CREATE'")
                .param("id", Long.toString(first.touchpoint().id()))
                .query(Long.class)
                .single())
        .as("one audit row for the one stored touchpoint")
        .isEqualTo(1);
  }

  long auditedCreates(long touchpointId) {
    return jdbc.sql(
            "select count(*) from audit_log where object_type = 'touchpoint'"
                + " and object_id = :id and action = 'CREATE'")
        .param("id", Long.toString(touchpointId))
        .query(Long.class)
        .single();
  }

  @Test
  void aBatchAppendStoresEachSourceOnceAndAuditsOnlyTheNewOnes() {
    PersonId person = new PersonId(newId());
    timeline.append(email(person, T0, person + "-0"));
    int created =
        timeline.appendAll(
            List.of(
                email(person, T0, person + "-0"),
                email(person, T0.plusSeconds(1), person + "-1"),
                email(person, T0.plusSeconds(2), person + "-2")));

    assertThat(created).isEqualTo(2);
    TouchpointPage page = timeline.forPerson(person, TouchpointFilter.firstPage(10));
    assertThat(page.total()).isEqualTo(3);
    for (Touchpoint t : page.items()) {
      assertThat(auditedCreates(t.id())).as("audit of touchpoint %s", t.id()).isEqualTo(1);
    }
  }

  @Test
  void filtersByKindChannelAndTimeWindow() {
    PersonId person = new PersonId(newId());
    timeline.append(email(person, T0, person + "-e"));
    timeline.append(
        NewTouchpoint.of(
            person,
            null,
            TouchpointKind.POST,
            "mastodon",
            Direction.IN,
            T0.plus(Duration.ofDays(2)),
            null,
            "Anyone tried Rapport?",
            new SourceRef("test.post", person + "-p", "https://mastodon.example/@x/1")));
    timeline.append(
        NewTouchpoint.of(
            person,
            null,
            TouchpointKind.CALL,
            "phone",
            Direction.OUT,
            T0.plus(Duration.ofDays(4)),
            "ana",
            "Discovery call",
            new SourceRef("test.call", person + "-c", null)));

    assertThat(
            timeline
                .forPerson(
                    person,
                    new TouchpointFilter(
                        Set.of(TouchpointKind.POST, TouchpointKind.CALL),
                        Set.of(),
                        null,
                        null,
                        0,
                        10,
                        false))
                .items())
        .extracting(Touchpoint::kind)
        .containsExactly(TouchpointKind.CALL, TouchpointKind.POST);
    assertThat(
            timeline
                .forPerson(
                    person,
                    new TouchpointFilter(Set.of(), Set.of("mastodon"), null, null, 0, 10, false))
                .items())
        .singleElement()
        .satisfies(t -> assertThat(t.source().url()).isEqualTo("https://mastodon.example/@x/1"));
    assertThat(
            timeline
                .forPerson(
                    person,
                    new TouchpointFilter(
                        Set.of(),
                        Set.of(),
                        T0.plus(Duration.ofDays(1)),
                        T0.plus(Duration.ofDays(4)),
                        0,
                        10,
                        false))
                .items())
        .extracting(Touchpoint::kind)
        .containsExactly(TouchpointKind.POST);
  }

  @Test
  void ordersCarryAmountMarginAndAnIsoCurrencyOrAreRefusedNamingTheField() {
    AccountId account = new AccountId(newId());
    Touchpoint order =
        timeline
            .append(
                new NewTouchpoint(
                    null,
                    account,
                    TouchpointKind.ORDER,
                    "billing",
                    Direction.IN,
                    T0,
                    null,
                    "billing",
                    "Order 1001",
                    new SourceRef("billing.order", "1001-" + account, null),
                    new BigDecimal("1250.50"),
                    new BigDecimal("400.10"),
                    "EUR"))
            .touchpoint();
    assertThat(order.amount()).isEqualByComparingTo("1250.50");
    assertThat(order.margin()).isEqualByComparingTo("400.10");
    assertThat(order.currency()).isEqualTo("EUR");

    assertThatThrownBy(
            () ->
                timeline.append(
                    new NewTouchpoint(
                        null,
                        account,
                        TouchpointKind.INVOICE,
                        "Billing!",
                        Direction.OUT,
                        T0.plus(Duration.ofDays(400_000)),
                        null,
                        null,
                        " ",
                        new SourceRef("billing.invoice", "x", "javascript:alert(1)"),
                        new BigDecimal("10.123456"),
                        new BigDecimal("20"),
                        "EUX")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(InvalidInputException.FieldError::field)
                    .contains(
                        "channel",
                        "occurredAt",
                        "summary",
                        "source.url",
                        "amount",
                        "margin",
                        "currency"));
    assertThatThrownBy(
            () ->
                timeline.append(
                    new NewTouchpoint(
                        null,
                        account,
                        TouchpointKind.ORDER,
                        "billing",
                        Direction.IN,
                        T0,
                        null,
                        null,
                        "no money",
                        new SourceRef("billing.order", "nomoney-" + account, null),
                        null,
                        null,
                        null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(InvalidInputException.FieldError::field)
                    .containsExactly("amount", "currency"));
    assertThat(timeline.forAccount(account, TouchpointFilter.firstPage(10)).total()).isEqualTo(1);
  }

  @Test
  void aMergeMovesEveryTouchpointToTheSurvivor() {
    PersonId survivor = new PersonId(newId());
    PersonId merged = new PersonId(newId());
    timeline.append(email(survivor, T0, survivor + "-1"));
    timeline.append(email(merged, T0.plusSeconds(1), merged + "-1"));
    timeline.append(email(merged, T0.plusSeconds(2), merged + "-2"));

    tx.executeWithoutResult(
        s -> events.publishEvent(new PersonsMerged(survivor, merged, "same email address")));

    assertThat(timeline.forPerson(merged, TouchpointFilter.firstPage(10)).total()).isZero();
    List<Touchpoint> all = timeline.forPerson(survivor, TouchpointFilter.firstPage(10)).items();
    assertThat(all).hasSize(3);
    assertThat(all).filteredOn(t -> merged.equals(t.mergedFrom())).hasSize(2);
  }

  @Test
  void aStageChangeBecomesATouchpoint() {
    PersonId person = new PersonId(newId());
    long line = lifecycle.productLines().get(0).id();
    var stage = lifecycle.activeModel().stages().get(0);
    var change =
        lifecycle.move(person, line, stage.id(), ChangedBy.rule("brand mentions"), "heard");

    assertThat(
            timeline
                .forPerson(
                    person,
                    new TouchpointFilter(
                        Set.of(TouchpointKind.STAGE_CHANGE), Set.of(), null, null, 0, 10, false))
                .items())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.summary()).contains(stage.name()).contains("heard");
              assertThat(t.byName()).isEqualTo("brand mentions");
              assertThat(t.source().id()).isEqualTo(Long.toString(change.id()));
              assertThat(t.occurredAt()).isEqualTo(change.at());
            });
  }

  @Test
  void demoPeopleGetDeterministicTimelinesAndStageHistoriesOnce() {
    List<PersonId> persons = List.of(new PersonId(newId()), new PersonId(newId()));
    List<AccountId> accounts = List.of(new AccountId(newId()), new AccountId(newId()));

    tx.executeWithoutResult(s -> events.publishEvent(new DemoPeopleLoaded(persons, accounts)));
    long first = timeline.forPerson(persons.get(0), TouchpointFilter.firstPage(200)).total();
    long accountTotal =
        timeline.forAccount(accounts.get(0), TouchpointFilter.firstPage(200)).total();
    tx.executeWithoutResult(s -> events.publishEvent(new DemoPeopleLoaded(persons, accounts)));

    assertThat(first).isGreaterThanOrEqualTo(3);
    assertThat(timeline.forPerson(persons.get(0), TouchpointFilter.firstPage(200)).total())
        .isEqualTo(first);
    assertThat(accountTotal).isPositive();
    assertThat(lifecycle.history(persons.get(0))).isNotEmpty();
    assertThat(timeline.forAccount(accounts.get(0), TouchpointFilter.firstPage(200)).items())
        .filteredOn(t -> t.kind() == TouchpointKind.ORDER || t.kind() == TouchpointKind.INVOICE)
        .allSatisfy(
            t -> {
              assertThat(t.amount()).isPositive();
              assertThat(t.currency()).matches("[A-Z]{3}");
            });
  }
}
