package dev.rapport.lifecycle.internal;

import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.ProductLine;
import dev.rapport.lifecycle.Stage;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives demo persons believable stage histories in the active model: most stop early in the funnel,
 * some become customers and evangelists, and a few turn the circle again for a second product line.
 * Seeded by person id, so the same persons always get the same histories.
 */
@Component
class LifecycleDemo {

  static final String SECOND_LINE = "Analytics add-on";

  private static final String[] WHY = {
    "Mentioned us in a post about social listening",
    "Downloaded the buyer's guide",
    "Asked for a demo after the webinar",
    "Fits the ideal customer profile",
    "Signed the annual contract",
    "Recommended us on Mastodon",
    "Replied to our outreach email",
    "Met at the trade fair booth"
  };
  private static final String[] USERS = {"ana.sales", "marc.marketing", "admin"};

  private final Lifecycle lifecycle;
  private final LifecycleAdmin admin;
  private final LifecycleStore store;

  LifecycleDemo(Lifecycle lifecycle, LifecycleAdmin admin, LifecycleStore store) {
    this.lifecycle = lifecycle;
    this.admin = admin;
    this.store = store;
  }

  // Synchronous on purpose: demo data is loaded whole or not at all, in the demo's transaction.
  @EventListener
  @Transactional
  void on(DemoPeopleLoaded demo) {
    List<Stage> stages = lifecycle.activeModel().stages();
    if (stages.isEmpty()) {
      return;
    }
    List<ProductLine> lines = lifecycle.productLines();
    ProductLine core = lines.get(0);
    ProductLine second =
        lines.stream()
            .filter(p -> p.name().equals(SECOND_LINE))
            .findFirst()
            .orElseGet(() -> admin.addProductLine(SECOND_LINE));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    for (PersonId person : demo.persons()) {
      if (!store.latest(person).isEmpty()) {
        continue;
      }
      Random random = new Random(person.value() * 7919L);
      int last = reach(random, stages.size());
      Instant at = now.minus(Duration.ofDays(120 + random.nextInt(480)));
      at = walk(person, core, stages, last, at, random);
      if (last == stages.size() - 1 && random.nextInt(3) == 0) {
        walk(person, second, stages, random.nextInt(3), at.plus(Duration.ofDays(3)), random);
      }
    }
  }

  /** The index of the furthest stage a person reached: a funnel, wide at the top. */
  private static int reach(Random random, int size) {
    int last = 0;
    while (last < size - 1 && random.nextDouble() < 0.55) {
      last++;
    }
    return last;
  }

  private Instant walk(
      PersonId person, ProductLine line, List<Stage> stages, int last, Instant at, Random random) {
    Instant now = Instant.now();
    for (int i = 0; i <= last && at.isBefore(now); i++) {
      ChangedBy by =
          switch (random.nextInt(3)) {
            case 0 -> ChangedBy.importer("demo import");
            case 1 -> ChangedBy.rule("listening rule: brand mentions");
            default -> ChangedBy.user(USERS[random.nextInt(USERS.length)]);
          };
      lifecycle.moveAt(
          person, line.id(), stages.get(i).id(), by, WHY[random.nextInt(WHY.length)], at);
      at = at.plus(Duration.ofDays(4 + random.nextInt(40)).plusMinutes(random.nextInt(600)));
    }
    return at;
  }
}
