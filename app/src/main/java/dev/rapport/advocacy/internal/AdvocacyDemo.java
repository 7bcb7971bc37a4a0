package dev.rapport.advocacy.internal;

import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonId;
import dev.rapport.sales.DealWon;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: once the sample persons exist, a campaign with a tracking link and a tag, three
 * advocates and a candidate with their reasons, referral links with clicks, two persons who signed
 * up through a link (the real signup path: awareness "referred by"), one of whom won a deal, and an
 * ask with its outcome. In the demo's own transaction; once.
 */
@Component
class AdvocacyDemo {

  static final String CAMPAIGN = "Spring referral push";
  private static final Logger log = LoggerFactory.getLogger(AdvocacyDemo.class);

  private final Campaigns campaigns;
  private final CampaignStore campaignStore;
  private final AdvocacyStore store;
  private final AdvocacyScoring scoring;
  private final Referrals referrals;
  private final ReferralStore referralStore;
  private final Asks asks;

  AdvocacyDemo(
      Campaigns campaigns,
      CampaignStore campaignStore,
      AdvocacyStore store,
      AdvocacyScoring scoring,
      Referrals referrals,
      ReferralStore referralStore,
      Asks asks) {
    this.campaigns = campaigns;
    this.campaignStore = campaignStore;
    this.store = store;
    this.scoring = scoring;
    this.referrals = referrals;
    this.referralStore = referralStore;
    this.asks = asks;
  }

  // Synchronous on purpose, like the other demos: demo data is loaded whole or not at all, in the
  // demo's transaction (and the event, with every demo person, is too large for the registry).
  @EventListener
  @Transactional
  void on(DemoPeopleLoaded demo) {
    if (demo.persons().size() < 6 || campaignStore.nameTaken(CAMPAIGN)) {
      return;
    }
    Instant now = AdvocacyScoring.now();
    LocalDate today = LocalDate.now();
    CampaignStore.Campaign campaign =
        campaigns.create(
            new Campaigns.Draft(
                CAMPAIGN,
                "social",
                "2500",
                "EUR",
                today.minusDays(30).toString(),
                today.plusDays(60).toString(),
                "https://rapport.example/spring",
                List.of("#rapportlove"),
                List.of(
                    "https://rapport.example/spring?utm_source=mastodon&utm_medium=social"
                        + "&utm_campaign=spring-referrals")));
    List<PersonId> p = demo.persons();
    String[][] signals = {
      {"CASE_HAPPY", "case", "demo-1", "case demo-1 resolved happily: export fixed the same day"},
      {"BRAND_TAG", "post", "mastodon:demo-tag-1", "used #rapportlove on mastodon"},
      {"REVIEW", "ask", "demo-review-1", "wrote a review on G2"},
      {
        "POSITIVE_POST",
        "post",
        "bluesky:demo-praise-1",
        "praised us on bluesky: \u201cthe funnel view is exactly what we needed\u201d"
      },
      {"BRAND_TAG", "post", "x:demo-tag-2", "used #rapportlove on x"},
    };
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < signals.length - i; k++) {
        String[] s = signals[k];
        store.addSignal(
            p.get(i),
            Signal.Kind.valueOf(s[0]),
            s[1],
            s[2] + "-" + i,
            s[3],
            now.minus(k + 1, ChronoUnit.DAYS));
      }
      store.enlist(p.get(i), "ADVOCATE", "demo", "a loyal customer", 0, now);
      scoring.rescore(p.get(i), "demo");
    }
    store.addSignal(
        p.get(3), Signal.Kind.CASE_HAPPY, "case", "demo-4", "case demo-4 resolved happily", now);
    store.enlist(p.get(3), "CANDIDATE", "case demo-4", "case demo-4 resolved happily", 0, now);
    scoring.rescore(p.get(3), "demo");

    ReferralStore.Code spring = referrals.issue(p.get(0), campaign.id());
    ReferralStore.Code plain = referrals.issue(p.get(1), null);
    for (int i = 0; i < 37; i++) {
      referralStore.click(spring.id(), now.minus(i * 3L, ChronoUnit.HOURS));
    }
    for (int i = 0; i < 12; i++) {
      referralStore.click(plain.id(), now.minus(i * 5L, ChronoUnit.HOURS));
    }
    Referrals.SignedUp first =
        referrals.signup(
            new Referrals.Signup(
                spring.code(), "Lena Hoffmann", "lena.hoffmann@example.com", null, null, "demo-1"));
    referrals.signup(
        new Referrals.Signup(
            spring.code(), "Omar Haddad", "omar.haddad@example.com", null, null, "demo-2"));
    referrals.signup(
        new Referrals.Signup(
            plain.code(), "Jonas Berg", "jonas.berg@example.com", null, null, "demo-3"));
    referrals.credit(
        new DealWon(
            990_000_001L,
            null,
            List.of(new PersonId(first.referral().referred())),
            new BigDecimal("24000.00"),
            "EUR",
            new BigDecimal("7200.00"),
            "referral",
            now));
    Asks.Ask ask = asks.ask(p.get(1), "review", "a short review on G2 after the rollout");
    asks.outcome(ask.id(), "done", "5 stars on G2");
    asks.ask(p.get(2), "quote", "a line for the spring case study");
    log.info("demo: advocates, referral links and campaign '{}' added", CAMPAIGN);
  }
}
