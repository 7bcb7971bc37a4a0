package dev.rapport.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonId;
import dev.rapport.support.PersistenceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo workspace shows care: open cases with SLAs (one breached), churn risk and a spike. */
@PersistenceTest
class CareDemoTest {

  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired CaseQueries queries;
  @Autowired CaseViews views;
  @Autowired dev.rapport.people.SocialIdentities identities;

  @Test
  void theDemoHasOpenCasesWithSlasOneBreachedAChurnRiskAndASpike() {
    tx.executeWithoutResult(
        status -> {
          for (String t :
              List.of(
                  "care_case_event",
                  "care_case_mention",
                  "care_churn_risk",
                  "care_case",
                  "care_route",
                  "care_brand",
                  "care_complaint",
                  "care_alert")) {
            jdbc.sql("delete from " + t).update();
          }
          List<PersonId> persons = new java.util.ArrayList<>();
          for (int i = 0; i < 8; i++) {
            persons.add(
                identities.resolveAuthor(
                    dev.rapport.people.Network.MASTODON,
                    "@demo" + java.util.UUID.randomUUID() + "@example.social",
                    null,
                    "Demo " + i,
                    null,
                    null));
          }
          events.publishEvent(new DemoPeopleLoaded(persons, List.of()));
          List<CaseViews.CaseView> all =
              views.views(queries.page(CaseQueries.View.ALL, 0, 50).items());
          assertThat(all).hasSize(5);
          assertThat(all).filteredOn(CaseViews.CaseView::open).hasSize(4);
          assertThat(all).anyMatch(CaseViews.CaseView::breached);
          assertThat(all).allMatch(c -> c.dueAt() != null && c.sla() != null);
          assertThat(all).anyMatch(c -> "resolved_unhappy".equals(c.outcome()));
          assertThat(jdbc.sql("select count(*) from care_churn_risk").query(Long.class).single())
              .isEqualTo(1);
          assertThat(
                  jdbc.sql("select count(*) from care_alert where brand = 'Rapport'")
                      .query(Long.class)
                      .single())
              .isEqualTo(1);
          status.setRollbackOnly();
        });
  }
}
