package dev.rapport.timeline.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.AccountId;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonId;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.TouchpointKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives demo persons and accounts believable timelines: posts and replies heard on the social web,
 * emails, calls and meetings with our team, orders and invoices with amounts and margins, and a few
 * support cases. Seeded by record id, so the same ids always get the same touchpoints; the sources
 * are "demo.*", so loading twice adds nothing.
 */
@Component
class TimelineDemo {

  private static final String[] POSTS = {
    "Anyone using a social CRM that actually ties mentions to accounts? #crm",
    "Our team spends hours copying tweets into spreadsheets. There must be a better way.",
    "Just read a great thread on measuring social ROI. Bookmarking for Monday.",
    "Looking for recommendations: listening tools that understand Mastodon and Bluesky?",
    "Loving the new dashboard from @rapport, the funnel view is exactly what we needed.",
    "Frustrated: the export keeps timing out on large lists. Support, any ideas?",
    "Shortlisting vendors for our customer listening project this quarter.",
    "Presenting our social selling results at the regional meetup next week!"
  };
  private static final String[] REPLIES = {
    "Thanks for the mention! Happy to show you how the funnel view works.",
    "Sorry to hear that. We've opened a case and will get back to you today.",
    "Great question: here's our guide on listening rules for Mastodon."
  };
  private static final String[] EMAILS = {
    "Follow-up after the webinar: slides and recording",
    "Re: pricing for 25 seats",
    "Intro: our customer success manager",
    "Your trial ends in 7 days",
    "Re: security questionnaire"
  };
  private static final String[] CALLS = {
    "Discovery call: current tools, team size and budget",
    "Check-in call: onboarding going well, asked about API tokens",
    "Call about renewal timing"
  };
  private static final String[] MEETINGS = {
    "Product demo with the marketing team", "Quarterly business review", "Workshop: listening rules"
  };
  private static final String[] CASES = {
    "Export times out on lists over 50,000 rows",
    "Cannot connect the Bluesky source",
    "Question about invoice address change"
  };
  private static final String[] NETWORKS = {"x", "mastodon", "bluesky", "linkedin", "blog"};
  private static final String[] USERS = {"ana.sales", "marc.marketing", "sam.support"};
  private static final String[] CURRENCIES = {"EUR", "EUR", "USD", "GBP"};

  private final TimelineStore store;
  private final AuditLog audit;

  TimelineDemo(TimelineStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  // Synchronous on purpose: demo data is loaded whole or not at all, in the demo's transaction.
  @EventListener
  @Transactional
  void on(DemoPeopleLoaded demo) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    List<NewTouchpoint> all = new ArrayList<>();
    for (PersonId person : demo.persons()) {
      all.addAll(forPerson(person, now, new Random(person.value() * 31L + 7)));
    }
    for (AccountId account : demo.accounts()) {
      all.addAll(forAccount(account, now, new Random(account.value() * 53L + 11)));
    }
    all.forEach(t -> TouchpointRules.check(t, now));
    int inserted = store.insertAll(all, now);
    audit.record(
        "touchpoint",
        "demo",
        AuditLog.Action.CREATE,
        null,
        Map.of(
            "demoTouchpoints",
            inserted,
            "persons",
            demo.persons().size(),
            "accounts",
            demo.accounts().size()));
  }

  private List<NewTouchpoint> forPerson(PersonId person, Instant now, Random r) {
    List<NewTouchpoint> out = new ArrayList<>();
    int n = 3 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      Instant at = now.minus(Duration.ofMinutes(60L * 24 * (1 + r.nextInt(400)) + r.nextInt(1440)));
      String key = "p" + person.value() + "-" + i;
      int pick = r.nextInt(10);
      String network = NETWORKS[r.nextInt(NETWORKS.length)];
      NewTouchpoint t =
          switch (pick) {
            case 0, 1, 2 ->
                of(
                    person,
                    null,
                    TouchpointKind.POST,
                    network,
                    Direction.IN,
                    at,
                    null,
                    pickOf(POSTS, r),
                    "demo.post",
                    key,
                    "https://" + network + ".example/posts/" + key);
            case 3 ->
                of(
                    person,
                    null,
                    TouchpointKind.REPLY,
                    network,
                    Direction.OUT,
                    at,
                    user(r),
                    pickOf(REPLIES, r),
                    "demo.reply",
                    key,
                    null);
            case 4, 5 ->
                of(
                    person,
                    null,
                    TouchpointKind.EMAIL,
                    "email",
                    r.nextBoolean() ? Direction.IN : Direction.OUT,
                    at,
                    user(r),
                    pickOf(EMAILS, r),
                    "demo.email",
                    key,
                    null);
            case 6 ->
                of(
                    person,
                    null,
                    TouchpointKind.CALL,
                    "phone",
                    Direction.OUT,
                    at,
                    user(r),
                    pickOf(CALLS, r),
                    "demo.call",
                    key,
                    null);
            case 7 ->
                of(
                    person,
                    null,
                    TouchpointKind.MEETING,
                    "video",
                    Direction.OUT,
                    at,
                    user(r),
                    pickOf(MEETINGS, r),
                    "demo.meeting",
                    key,
                    null);
            case 8 ->
                of(
                    person,
                    null,
                    TouchpointKind.MENTION,
                    network,
                    Direction.IN,
                    at,
                    null,
                    pickOf(POSTS, r),
                    "demo.mention",
                    key,
                    "https://" + network + ".example/posts/" + key);
            default -> order(person, null, at, r, "demo.order", key);
          };
      out.add(t);
    }
    return out;
  }

  private List<NewTouchpoint> forAccount(AccountId account, Instant now, Random r) {
    List<NewTouchpoint> out = new ArrayList<>();
    String prefix = "a" + account.value() + "-";
    Instant first = now.minus(Duration.ofDays(30 + r.nextInt(500)));
    int orders = r.nextInt(4);
    for (int i = 0; i < orders; i++) {
      Instant at = first.plus(Duration.ofDays(90L * i + r.nextInt(30)));
      if (at.isAfter(now)) {
        break;
      }
      NewTouchpoint order = order(null, account, at, r, "demo.order", prefix + "o" + i);
      out.add(order);
      out.add(
          new NewTouchpoint(
              null,
              account,
              TouchpointKind.INVOICE,
              "billing",
              Direction.OUT,
              at.plus(Duration.ofDays(1)),
              null,
              "billing",
              "Invoice INV-" + account.value() + "-" + (i + 1) + " for order " + (i + 1),
              new SourceRef("demo.invoice", prefix + "i" + i, null),
              order.amount(),
              order.margin(),
              order.currency()));
    }
    if (r.nextInt(3) == 0) {
      out.add(
          of(
              null,
              account,
              TouchpointKind.CASE,
              "support",
              Direction.IN,
              now.minus(Duration.ofDays(1 + r.nextInt(60))),
              USERS[2],
              pickOf(CASES, r),
              "demo.case",
              prefix + "c",
              null));
    }
    out.add(
        of(
            null,
            account,
            TouchpointKind.MEETING,
            "onsite",
            Direction.OUT,
            now.minus(Duration.ofDays(1 + r.nextInt(200))),
            user(r),
            pickOf(MEETINGS, r),
            "demo.meeting",
            prefix + "m",
            null));
    if (r.nextInt(5) == 0) {
      out.add(
          new NewTouchpoint(
              null,
              account,
              TouchpointKind.DEAL_EVENT,
              "crm",
              null,
              now.minus(Duration.ofDays(r.nextInt(30))),
              null,
              user(r),
              "Opportunity moved to proposal",
              new SourceRef("demo.deal", prefix + "d", null),
              BigDecimal.valueOf(5_000 + r.nextInt(45_000)),
              null,
              "EUR"));
    }
    return out;
  }

  private static NewTouchpoint order(
      PersonId person, AccountId account, Instant at, Random r, String type, String key) {
    BigDecimal amount =
        BigDecimal.valueOf(200 + r.nextInt(24_800), 0).add(BigDecimal.valueOf(r.nextInt(100), 2));
    BigDecimal margin =
        amount
            .multiply(BigDecimal.valueOf(15 + r.nextInt(40), 2))
            .setScale(2, RoundingMode.HALF_UP);
    return new NewTouchpoint(
        person,
        account,
        TouchpointKind.ORDER,
        "webshop",
        Direction.IN,
        at,
        null,
        "billing",
        "Order " + key.toUpperCase() + ": " + (1 + r.nextInt(25)) + " seats",
        new SourceRef(type, key, null),
        amount,
        margin,
        CURRENCIES[r.nextInt(CURRENCIES.length)]);
  }

  private static NewTouchpoint of(
      PersonId person,
      AccountId account,
      TouchpointKind kind,
      String channel,
      Direction direction,
      Instant at,
      String by,
      String summary,
      String type,
      String key,
      String url) {
    return NewTouchpoint.of(
        person, account, kind, channel, direction, at, by, summary, new SourceRef(type, key, url));
  }

  private static String user(Random r) {
    return USERS[r.nextInt(USERS.length)];
  }

  private static String pickOf(String[] options, Random r) {
    return options[r.nextInt(options.length)];
  }
}
