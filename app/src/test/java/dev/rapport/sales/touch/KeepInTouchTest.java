package dev.rapport.sales.touch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.rapport.access.Role;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.people.PersonId;
import dev.rapport.sales.KeepInTouch;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Cadences: a person's own or their stage's; any touchpoint restarts the count; the owner sees what
 * is due today and overdue; a snooze puts it off and is recorded; bad input names the field.
 */
@PersistenceTest
class KeepInTouchTest {

  static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");

  @Autowired AccessFixtures access;
  @Autowired TestRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired Timeline timeline;
  @Autowired KeepInTouch keepInTouch;
  @Autowired Cadences cadences;
  @Autowired Lifecycle lifecycle;

  @Test
  void dueIsTheLastTouchPlusTheCadenceUnlessASnoozeIsLater() {
    Instant last = NOW.minus(Duration.ofDays(10));
    assertThat(Due.at(last, NOW, 7, null)).isEqualTo(NOW.minus(Duration.ofDays(3)));
    assertThat(Due.at(null, NOW, 7, null)).isEqualTo(NOW); // never touched: due from the start
    assertThat(Due.at(last, NOW, 7, NOW.plus(Duration.ofDays(2))))
        .isEqualTo(NOW.plus(Duration.ofDays(2)));
    assertThat(Due.at(last, NOW, 30, NOW)).isEqualTo(last.plus(Duration.ofDays(30)));
    assertThat(Due.endOfDay(NOW)).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
  }

  PersonId ownedBy(TestUser owner) {
    PersonId p = records.person();
    jdbc.sql("update person set owner_user_id = :o where id = :id")
        .param("o", owner.id())
        .param("id", p.value())
        .update();
    return p;
  }

  void touch(PersonId p, Instant at) {
    timeline.append(
        NewTouchpoint.of(
            p,
            null,
            TouchpointKind.EMAIL,
            "email",
            Direction.OUT,
            at,
            "test",
            "hello",
            new SourceRef("test.email", UUID.randomUUID().toString(), null)));
  }

  MockHttpServletResponse call(TestUser as, RequestBuilder r) throws Exception {
    return access.mvc().perform(r).andReturn().getResponse();
  }

  String due(TestUser as) throws Exception {
    return call(as, get("/api/v1/touch/due").with(as.session())).getContentAsString();
  }

  @Test
  void anyTouchRestartsTheCadenceAndASnoozeIsRecorded() throws Exception {
    TestUser seller = access.user(Role.SALES);
    PersonId fresh = ownedBy(seller);
    PersonId quiet = ownedBy(seller);
    touch(quiet, Instant.now().minus(Duration.ofDays(10)));

    for (PersonId p : new PersonId[] {fresh, quiet}) {
      assertThat(
              call(
                      seller,
                      put("/api/v1/persons/" + p.value() + "/cadence")
                          .with(seller.session())
                          .with(
                              org.springframework.security.test.web.servlet.request
                                  .SecurityMockMvcRequestPostProcessors.csrf())
                          .contentType(MediaType.APPLICATION_JSON)
                          .content("{\"everyDays\":7}"))
                  .getStatus())
          .isEqualTo(200);
    }
    // never touched: due today; touched ten days ago on a 7-day cadence: overdue
    String due = due(seller);
    assertThat(due)
        .contains("\"person\":" + fresh.value() + ",")
        .contains("\"person\":" + quiet.value() + ",");
    assertThat(keepInTouch.due(seller.id(), Instant.now(), 50))
        .filteredOn(d -> d.person().equals(quiet))
        .singleElement()
        .satisfies(d -> assertThat(d.overdue()).isTrue());
    assertThat(keepInTouch.dueCount(seller.id(), Instant.now())).isEqualTo(2);
    // another user owns nothing here
    assertThat(due(access.user(Role.SALES))).doesNotContain("\"person\":" + fresh.value() + ",");

    // an email now restarts the fresh person's count: no longer due
    touch(fresh, Instant.now());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> keepInTouch.dueCount(seller.id(), Instant.now()) == 1);
    assertThat(due(seller)).doesNotContain("\"person\":" + fresh.value() + ",");

    // a snooze puts the quiet one off and stays in the history with its reason
    MockHttpServletResponse snoozed =
        call(
            seller,
            post("/api/v1/persons/" + quiet.value() + "/snooze")
                .with(seller.session())
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"days\":3,\"reason\":\"on holiday\"}"));
    assertThat(snoozed.getStatus()).isEqualTo(200);
    assertThat(snoozed.getContentAsString()).contains("on holiday");
    assertThat(keepInTouch.dueCount(seller.id(), Instant.now())).isZero();
    assertThat(
            jdbc.sql("select count(*) from sales_touch_snooze where person_id = :p")
                .param("p", quiet.value())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aStageCadenceAppliesToWhoeverEntersTheStage() {
    TestUser seller = access.user(Role.SALES);
    PersonId p = ownedBy(seller);
    long lead = lifecycle.activeModel().stages().get(2).id();
    cadences.setStageCadence(lead, 5);
    try {
      lifecycle.move(p, lifecycle.productLines().get(0).id(), lead, ChangedBy.user("t"), "lead");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  keepInTouch.due(seller.id(), Instant.now(), 50).stream()
                      .anyMatch(d -> d.person().equals(p) && d.everyDays() == 5));
    } finally {
      cadences.setStageCadence(lead, null);
    }
  }

  @Test
  void badCadencesAndSnoozesAreRefusedNamingTheField() throws Exception {
    TestUser seller = access.user(Role.SALES);
    PersonId p = ownedBy(seller);
    MockHttpServletResponse cadence =
        call(
            seller,
            put("/api/v1/persons/" + p.value() + "/cadence")
                .with(seller.session())
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"everyDays\":99999}"));
    assertThat(cadence.getStatus()).isEqualTo(400);
    assertThat(cadence.getContentAsString()).contains("everyDays");
    MockHttpServletResponse snooze =
        call(
            seller,
            post("/api/v1/persons/" + p.value() + "/snooze")
                .with(seller.session())
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"days\":0}"));
    assertThat(snooze.getStatus()).isEqualTo(400);
    assertThat(snooze.getContentAsString()).contains("days");
    assertThat(
            jdbc.sql("select count(*) from sales_touch_snooze where person_id = :p")
                .param("p", p.value())
                .query(Long.class)
                .single())
        .isZero();
  }
}
