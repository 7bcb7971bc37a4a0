package dev.rapport.care.internal;

import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.people.AccountId;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.sales.BusinessHours;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo cases for the demo persons: the brand "Rapport" (the demo listening rule is "Brand:
 * Rapport"), a routing rule that sends complaints to the support user, open cases with SLAs (one
 * breached), one closed unhappily (churn risk on its person and account), and a complaint spike
 * about Rapport in the last hour (the banner on /cases). The spike's complaints are demo rows
 * without mentions (negative ids).
 */
@Component
class CareDemo {

  private static final String[][] CASES = {
    {
      "complaint",
      "My export to CSV has failed three times today. This is really frustrating @rapport"
    },
    {"question", "Does @rapport support Bluesky lists yet? We need it for the launch next week"},
    {"complaint", "Rapport lost my saved filters after the update, not happy"},
    {"question", "How do I move a contact back to awareness in Rapport?"},
    {"complaint", "Support from Rapport has been slow this month, still waiting on my ticket"},
  };

  private final CaseWork work;
  private final Brands brands;
  private final CaseRoutes routes;
  private final Users users;
  private final Persons persons;
  private final BusinessHours hours;
  private final SpikeAlerts alerts;
  private final JdbcClient jdbc;

  CareDemo(
      CaseWork work,
      Brands brands,
      CaseRoutes routes,
      Users users,
      Persons persons,
      BusinessHours hours,
      SpikeAlerts alerts,
      JdbcClient jdbc) {
    this.work = work;
    this.brands = brands;
    this.routes = routes;
    this.users = users;
    this.persons = persons;
    this.hours = hours;
    this.alerts = alerts;
    this.jdbc = jdbc;
  }

  // Synchronous on purpose: demo data is loaded whole or not at all, in the demo's transaction.
  @EventListener
  @Transactional
  void on(DemoPeopleLoaded demo) {
    if (demo.persons().size() < CASES.length + 1
        || jdbc.sql("select count(*) from care_case").query(Long.class).single() > 0) {
      return;
    }
    if (brands.all().isEmpty()) {
      brands.add("Rapport", "brand");
    }
    users
        .byUsername("sam")
        .filter(User::enabled)
        .ifPresent(
            sam ->
                routes.create(
                    new CaseRoutes.Form(
                        "Complaints to support", "complaint", null, null, sam.id(), null)));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    // opened: a week ago (breached whatever the weekday), an hour ago, minutes ago, ...
    Duration[] ago = {
      Duration.ofDays(7),
      Duration.ofHours(1),
      Duration.ofMinutes(5),
      Duration.ofMinutes(30),
      Duration.ofDays(2)
    };
    Priority[] priority = {
      Priority.URGENT, Priority.NORMAL, Priority.HIGH, Priority.LOW, Priority.HIGH
    };
    long last = 0;
    for (int i = 0; i < CASES.length; i++) {
      PersonId person = demo.persons().get(i * 7 % demo.persons().size());
      AccountId account = persons.find(person).map(PersonSummary::account).orElse(null);
      Instant opened = now.minus(ago[i]);
      CareCase c =
          work.opened(
              new CaseStore.NewCase(
                  person,
                  account,
                  "demo|case-" + i,
                  "mastodon",
                  null,
                  CASES[i][0],
                  "Rapport",
                  CASES[i][1],
                  priority[i],
                  priority[i].slaMinutes,
                  opened,
                  hours.plus(opened, priority[i].slaMinutes),
                  null),
              null,
              true);
      last = c.id();
    }
    work.close(last, "resolved_unhappy");
    // a complaint spike about Rapport: one a day for a week, then seven in the last hour
    List<Instant> times = new java.util.ArrayList<>();
    for (int d = 1; d <= 7; d++) {
      times.add(now.minus(Duration.ofDays(d)).minus(Duration.ofHours(3)));
    }
    for (int m = 0; m < 7; m++) {
      times.add(now.minus(Duration.ofMinutes(5 + m * 7)));
    }
    long id = -1;
    for (Instant t : times) {
      jdbc.sql(
              "insert into care_complaint (mention_id, brand, posted_at) values (:m, 'Rapport', :t)")
          .param("m", id--)
          .param("t", Timestamp.from(t))
          .update();
    }
    alerts.check("Rapport", now);
  }
}
