package dev.rapport.sales.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.people.AccountId;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonId;
import dev.rapport.sales.DealStatus;
import dev.rapport.sales.Opportunity;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo gives its persons deals in both pipelines: some with gates, some stale, one won. */
@PersistenceTest
class DealsDemoTest {

  @Autowired TestRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired ApplicationEventPublisher events;
  @Autowired OpportunitiesFacade deals;

  @Test
  void demoPersonsGetDealsWithGatesStaleOnesAndAWin() {
    AccountId account = records.account();
    List<PersonId> persons = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      PersonId p = records.person();
      jdbc.sql("update person set account_id = :a where id = :p")
          .param("a", account.value())
          .param("p", p.value())
          .update();
      persons.add(p);
    }
    tx.executeWithoutResult(
        status -> {
          events.publishEvent(new DemoPeopleLoaded(persons, List.of(account)));
          List<Opportunity> made = deals.forAccount(account);
          assertThat(made).hasSizeGreaterThanOrEqualTo(6);
          assertThat(made).allSatisfy(o -> assertThat(o.gates()).hasSize(6));
          assertThat(made).filteredOn(o -> o.status() == DealStatus.WON).hasSize(1);
          assertThat(made).filteredOn(o -> o.status() == DealStatus.LOST).hasSize(1);
          assertThat(made).filteredOn(Opportunity::stale).isNotEmpty();
          assertThat(made).filteredOn(o -> o.gatesHeld() > 0).hasSizeGreaterThanOrEqualTo(2);
          assertThat(made.stream().map(Opportunity::pipelineName).distinct()).hasSize(2);
          // loading again adds nothing
          events.publishEvent(new DemoPeopleLoaded(persons, List.of(account)));
          assertThat(deals.forAccount(account)).hasSameSizeAs(made);
          status.setRollbackOnly();
        });
  }
}
