package dev.rapport.sales.deals;

import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.sales.DealSource;
import dev.rapport.sales.DealStatus;
import dev.rapport.sales.ForecastCategory;
import dev.rapport.sales.Gate;
import dev.rapport.sales.GateEvidence;
import dev.rapport.sales.NewOpportunity;
import dev.rapport.sales.NewStakeholder;
import dev.rapport.sales.Opportunity;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineStage;
import dev.rapport.sales.StakeholderRole;
import dev.rapport.sales.Stance;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo deals on the demo persons and accounts: a second pipeline (renewals), deals spread over the
 * stages of both with the gates their stage needs, stakeholders with a decision maker, a few stale
 * ones (their last activity set back), one won and one lost. Seeded, so every demo looks the same.
 */
@Component
class DealsDemo {

  static final String RENEWALS = "Renewals";
  static final String[] NAMES = {
    "Social listening rollout",
    "Mastodon and Bluesky sources",
    "Sales team seats",
    "Listening rules workshop",
    "Customer care inbox",
    "Annual renewal",
    "API integration",
    "Brand monitoring pilot",
    "Analytics add-on",
    "EMEA expansion"
  };
  // an inbox-item source needs the item's id, and the demo has none to point at
  static final DealSource[] SOURCES = {
    DealSource.LEAD, DealSource.CAMPAIGN, DealSource.REFERRAL, DealSource.MANUAL
  };
  static final String[] EVIDENCE = {
    "They copy posts into spreadsheets by hand and miss complaints over the weekend",
    "20 hours a week saved across the team, and complaints answered within the hour",
    "Demo on their own accounts: rules, inbox and the person timeline",
    "Committee of three: head of marketing decides, IT checks SSO, finance signs",
    "",
    "Order form signed"
  };

  private final OpportunitiesFacade deals;
  private final PipelineAdmin admin;
  private final PipelineStore pipelines;
  private final Persons persons;
  private final Users users;
  private final JdbcClient jdbc;

  DealsDemo(
      OpportunitiesFacade deals,
      PipelineAdmin admin,
      PipelineStore pipelines,
      Persons persons,
      Users users,
      JdbcClient jdbc) {
    this.deals = deals;
    this.admin = admin;
    this.pipelines = pipelines;
    this.persons = persons;
    this.users = users;
    this.jdbc = jdbc;
  }

  // Synchronous on purpose: demo data is loaded whole or not at all, in the demo's transaction.
  @EventListener
  @Transactional
  void on(DemoPeopleLoaded demo) {
    List<Long> ids = demo.persons().stream().map(PersonId::value).limit(100).toList();
    if (ids.isEmpty()
        || jdbc.sql("select count(*) from deal_opportunity_person where person_id in (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single()
            > 0) {
      return;
    }
    Pipeline renewals =
        pipelines.all().stream()
            .filter(p -> p.name().equals(RENEWALS))
            .findFirst()
            .orElseGet(
                () ->
                    admin.create(
                        RENEWALS,
                        List.of(
                            new PipelineAdmin.StageInput(
                                "Renewal due", 50, ForecastCategory.PIPELINE, 30, List.of(), null),
                            new PipelineAdmin.StageInput(
                                "Value reviewed",
                                70,
                                ForecastCategory.BEST_CASE,
                                21,
                                List.of(2),
                                null),
                            new PipelineAdmin.StageInput(
                                "Terms agreed",
                                90,
                                ForecastCategory.COMMIT,
                                14,
                                List.of(1, 2, 6),
                                null))));
    Pipeline main = deals.defaultPipeline();
    List<Long> owners = new ArrayList<>();
    for (String name : List.of("maria", "li")) {
      users.byUsername(name).map(User::id).ifPresent(owners::add);
    }
    List<PersonSummary> people = new ArrayList<>();
    for (PersonId p : demo.persons()) {
      persons.find(p).filter(s -> s.account() != null).ifPresent(people::add);
      if (people.size() >= 24) {
        break;
      }
    }
    Random random = new Random(20261207L);
    LocalDate today = LocalDate.now();
    for (int i = 0; i + 1 < people.size() && i < 22; i += 2) {
      PersonSummary who = people.get(i);
      PersonSummary other = people.get(i + 1);
      boolean renewal = i % 6 == 4;
      Pipeline pipeline = renewal ? renewals : main;
      List<PipelineStage> open = pipeline.openStages();
      int target = random.nextInt(open.size());
      Opportunity o =
          deals.create(
              new NewOpportunity(
                  NAMES[(i / 2) % NAMES.length] + " — " + who.accountName(),
                  pipeline.id(),
                  null,
                  BigDecimal.valueOf(5_000 + random.nextInt(90) * 1_000L),
                  i % 5 == 3 ? "USD" : "EUR",
                  BigDecimal.valueOf(2_000 + random.nextInt(3) * 1_000L),
                  today.plusDays(10 + random.nextInt(150)),
                  owners.isEmpty() ? null : owners.get((i / 2) % owners.size()),
                  who.account(),
                  who.id(),
                  List.of(other.id()),
                  SOURCES[(i / 2) % SOURCES.length],
                  null,
                  null));
      boolean wonDeal = i == 0;
      PipelineStage stage = wonDeal ? open.get(open.size() - 1) : open.get(target);
      for (Gate g : stage.requiredGates()) {
        hold(o.id(), g, other.id());
      }
      if (wonDeal) {
        hold(o.id(), Gate.ACCEPTANCE, other.id());
      }
      if (stage.id() != o.stageId()) {
        deals.moveStage(o.id(), stage.id(), null);
      }
      if (wonDeal) {
        deals.win(o.id(), reason(DealStatus.WON), "Signed after the workshop", null);
      } else if (i == 2) {
        deals.lose(o.id(), reason(DealStatus.LOST), "Went with their incumbent", null);
      } else if (i % 3 == 1) {
        // stale: nobody touched it for longer than its stage allows
        Instant back = Instant.now().minus(Duration.ofDays(stage.staleAfterDays() + 5L + i));
        jdbc.sql("update deal_opportunity set last_activity_at = :at where id = :id")
            .param("at", Timestamp.from(back))
            .param("id", o.id())
            .update();
      }
    }
  }

  private void hold(long id, Gate gate, PersonId decisionMaker) {
    if (gate == Gate.ACCESS) {
      deals.putStakeholder(
          id,
          new NewStakeholder(
              decisionMaker,
              StakeholderRole.DECISION_MAKER,
              "Price and SSO",
              Stance.SUPPORTER,
              true));
      return;
    }
    deals.confirmGate(
        id, gate, new GateEvidence(EVIDENCE[gate.number() - 1], List.of(), List.of()));
  }

  private long reason(DealStatus outcome) {
    return pipelines.reasons(outcome, false).get(0).id();
  }
}
