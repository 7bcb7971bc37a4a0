package dev.rapport.sales.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.Role;
import dev.rapport.people.PersonId;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Hostile and conflicting input: a negative amount, an unknown currency, a close date of year 0, a
 * gate confirmed twice, and two users moving one deal at once. Each gets a clear Problem Details
 * answer naming the field, nothing stored is lost, and no history row is doubled.
 */
@PersistenceTest
class DealBadInputTest {

  @Autowired AccessFixtures access;
  @Autowired TestRecords records;
  @Autowired DealCalls deals;
  @Autowired JdbcClient jdbc;

  String body(long person, String amount, String currency, String closeDate) {
    return """
        {"name":"Bad","amount":%s,"currency":"%s","closeDate":"%s","primaryPersonId":%d}
        """
        .formatted(amount, currency, closeDate, person);
  }

  long deals() {
    return jdbc.sql("select count(*) from deal_opportunity").query(Long.class).single();
  }

  @Test
  void refusedFieldsAreNamedAndNothingIsStored() throws Exception {
    TestUser seller = access.user(Role.SALES);
    long person = records.person().value();
    long before = deals();

    MockHttpServletResponse negative =
        deals.call(
            seller, "POST", "/api/v1/opportunities", body(person, "-5", "EUR", "2027-05-01"));
    assertThat(negative.getStatus()).isEqualTo(400);
    assertThat(negative.getContentAsString())
        .contains("\"field\":\"amount\"")
        .contains("must be more than 0");

    MockHttpServletResponse currency =
        deals.call(
            seller, "POST", "/api/v1/opportunities", body(person, "10", "ABC", "2027-05-01"));
    assertThat(currency.getStatus()).isEqualTo(400);
    assertThat(currency.getContentAsString())
        .contains("\"field\":\"currency\"")
        .contains("'ABC' is not a known ISO 4217 currency");

    MockHttpServletResponse year0 =
        deals.call(
            seller, "POST", "/api/v1/opportunities", body(person, "10", "EUR", "0000-06-01"));
    assertThat(year0.getStatus()).isEqualTo(400);
    assertThat(year0.getContentAsString())
        .contains("\"field\":\"closeDate\"")
        .contains("must be between 1970-01-01");

    MockHttpServletResponse all =
        deals.call(seller, "POST", "/api/v1/opportunities", body(person, "0", "€€", "someday"));
    assertThat(all.getStatus()).isEqualTo(400);
    assertThat(all.getContentAsString()).contains("closeDate").contains("is not a date");

    MockHttpServletResponse margin =
        deals.call(
            seller,
            "POST",
            "/api/v1/opportunities",
            "{\"name\":\"M\",\"amount\":10,\"currency\":\"USD\",\"expectedMargin\":11,"
                + "\"closeDate\":\"2027-01-01\",\"primaryPersonId\":"
                + person
                + "}");
    assertThat(margin.getStatus()).isEqualTo(400);
    assertThat(margin.getContentAsString())
        .contains("expectedMargin")
        .contains("more than the amount");

    MockHttpServletResponse nobody =
        deals.call(
            seller, "POST", "/api/v1/opportunities", body(999_999_999L, "10", "EUR", "2027-05-01"));
    assertThat(nobody.getStatus()).isEqualTo(404);

    assertThat(deals()).isEqualTo(before);
  }

  @Test
  void aGateConfirmedTwiceIsRefusedAndTheFirstConfirmationKept() throws Exception {
    TestUser seller = access.user(Role.SALES);
    TestUser other = access.user(Role.SALES);
    PersonId person = records.person();
    long id = deals.open(seller, person, null, "MANUAL").get("id").asLong();
    deals.confirm(seller, id, 1, "first evidence");
    MockHttpServletResponse twice =
        deals.call(
            other, "POST", "/api/v1/opportunities/" + id + "/gates/1", "{\"evidence\":\"second\"}");
    assertThat(twice.getStatus()).isEqualTo(409);
    assertThat(twice.getContentAsString())
        .contains(
            "gate 1 (Problem identified) of deal #"
                + id
                + " is already confirmed by "
                + seller.username());
    JsonNode gate =
        deals.ok(seller, "GET", "/api/v1/opportunities/" + id, null).get("gates").get(0);
    assertThat(gate.get("evidence").asText()).isEqualTo("first evidence");
    assertThat(gate.get("confirmedBy").asText()).isEqualTo(seller.username());

    MockHttpServletResponse empty =
        deals.call(
            seller, "POST", "/api/v1/opportunities/" + id + "/gates/2", "{\"evidence\":\"  \"}");
    assertThat(empty.getStatus()).isEqualTo(400);
    assertThat(empty.getContentAsString()).contains("\"field\":\"evidence\"");
    MockHttpServletResponse seventh =
        deals.call(
            seller, "POST", "/api/v1/opportunities/" + id + "/gates/7", "{\"evidence\":\"x\"}");
    assertThat(seventh.getStatus()).isEqualTo(400);
    assertThat(seventh.getContentAsString()).contains("must be 1 to 6");
  }

  @Test
  void twoUsersMovingOneDealAtOnceOneWinsTheOtherGets409() throws Exception {
    TestUser a = access.user(Role.SALES);
    TestUser b = access.user(Role.SALES);
    PersonId person = records.person();
    JsonNode deal = deals.open(a, person, null, "MANUAL");
    long id = deal.get("id").asLong();
    int version = deal.get("version").asInt();
    deals.confirm(a, id, 1, "problem");
    version = deals.ok(a, "GET", "/api/v1/opportunities/" + id, null).get("version").asInt();
    long second = deals.stage(a, deal.get("pipelineId").asLong(), 1);

    // both saw the same version and move at the same moment
    int seen = version;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
    for (TestUser u : List.of(a, b)) {
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return deals.move(u, id, second, seen);
              }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    String conflict = null;
    for (Future<MockHttpServletResponse> f : answers) {
      MockHttpServletResponse r = f.get();
      statuses.add(r.getStatus());
      if (r.getStatus() == 409) {
        conflict = r.getContentAsString();
      }
    }
    pool.shutdown();
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    assertThat(conflict).contains("was changed by someone else meanwhile").contains("reload");
    long rows =
        jdbc.sql(
                "select count(*) from deal_change where opportunity_id = :id and field = 'STAGE'"
                    + " and to_value = 'Measure the return'")
            .param("id", id)
            .query(Long.class)
            .single();
    assertThat(rows).isEqualTo(1);

    // a stale version alone is refused too, whoever asks
    MockHttpServletResponse stale =
        deals.move(b, id, deals.stage(a, deal.get("pipelineId").asLong(), 0), seen);
    assertThat(stale.getStatus()).isEqualTo(409);
  }
}
