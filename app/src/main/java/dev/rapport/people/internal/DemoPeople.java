package dev.rapport.people.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.AccountId;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode ({@code rapport.demo=true}): on the first start, with no persons yet, creates a
 * realistic workspace of accounts and persons with identities, consent, tags and owners, the same
 * every time (seeded), then tells other features through {@link DemoPeopleLoaded}.
 */
@Component
class DemoPeople {

  private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);

  private final boolean enabled;
  private final List<Long> owners;
  private final PersonStore persons;
  private final AccountStore accounts;
  private final IdentityStore identities;
  private final MergeProposals proposals;
  private final Ids ids;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;

  DemoPeople(
      @Value("${rapport.demo:false}") boolean enabled,
      @Value("${rapport.demo.owners:1}") List<Long> owners,
      PersonStore persons,
      AccountStore accounts,
      IdentityStore identities,
      MergeProposals proposals,
      Ids ids,
      AuditLog audit,
      ApplicationEventPublisher events,
      TransactionTemplate tx) {
    this.enabled = enabled;
    this.owners = List.copyOf(owners);
    this.persons = persons;
    this.accounts = accounts;
    this.identities = identities;
    this.proposals = proposals;
    this.ids = ids;
    this.audit = audit;
    this.events = events;
    this.tx = tx;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadOnFirstStart() {
    if (enabled && persons.count() == 0 && accounts.count() == 0) {
      DemoPeopleLoaded loaded = tx.execute(s -> load(new Random(20261123L), 80, 300));
      log.info(
          "Demo mode: loaded {} persons and {} accounts",
          loaded.persons().size(),
          loaded.accounts().size());
    }
  }

  DemoPeopleLoaded load(Random random, int accountCount, int personCount) {
    Instant now = Instant.now();
    List<Long> accountIds = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    Set<String> usedDomains = new HashSet<>();
    for (int i = 0; i < accountCount; i++) {
      String name =
          pick(random, DemoNames.COMPANY_FIRST) + " " + pick(random, DemoNames.COMPANY_LAST);
      String domain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + ".example";
      if (!usedDomains.add(domain)) {
        domain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + i + ".example";
        usedDomains.add(domain);
      }
      String[] place = DemoNames.PLACES[random.nextInt(DemoNames.PLACES.length)];
      AccountDraft draft =
          new AccountDraft(
              name,
              List.of(domain),
              pick(random, DemoNames.INDUSTRIES),
              DemoNames.SIZES[random.nextInt(DemoNames.SIZES.length)] + random.nextInt(40),
              place[0] + ", " + place[1],
              owner(random));
      long id = ids.nextAccount();
      accounts.insert(id, draft, now);
      audit.record(Visible.ACCOUNT, id, AuditLog.Action.CREATE, null, draft);
      accountIds.add(id);
      domains.add(domain);
    }
    List<Long> personIds = new ArrayList<>();
    Set<String> usedEmails = new HashSet<>();
    Set<String> usedHandles = new HashSet<>();
    for (int i = 0; i < personCount; i++) {
      String first = pick(random, DemoNames.FIRST);
      String last = pick(random, DemoNames.LAST);
      int a = random.nextInt(accountIds.size());
      // every 60th person is a near-twin of the previous one: same name, same company
      if (i % 60 == 59 && !personIds.isEmpty()) {
        Person twin = persons.find(personIds.get(personIds.size() - 1)).orElseThrow();
        first = twin.firstName();
        last = twin.lastName();
        a = accountIds.indexOf(twin.accountId());
      }
      String local =
          (first.charAt(0) + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
      String email = local + "@" + domains.get(a);
      for (int n = 2; !usedEmails.add(email); n++) {
        email = local + n + "@" + domains.get(a);
      }
      boolean consent = random.nextInt(10) < 6;
      List<String> tags = new ArrayList<>();
      for (String tag : DemoNames.TAGS) {
        if (random.nextInt(6) == 0) {
          tags.add(tag);
        }
      }
      PersonDraft draft =
          new PersonDraft(
              first,
              last,
              List.of(email),
              random.nextInt(3) == 0
                  ? List.of("+49 30 " + (1000000 + random.nextInt(8999999)))
                  : List.of(),
              pick(random, DemoNames.TITLES),
              accountIds.get(a),
              owner(random),
              tags,
              consent,
              consent ? (random.nextBoolean() ? "consent" : "legitimate_interest") : null);
      long id = ids.nextPerson();
      persons.insertAll(List.of(new PersonStore.NewPerson(id, draft)), now);
      audit.record(Visible.PERSON, id, AuditLog.Action.CREATE, null, draft);
      addIdentities(random, id, first, last, usedHandles, now);
      personIds.add(id);
    }
    proposals.proposeAmong(personIds);
    DemoPeopleLoaded loaded =
        new DemoPeopleLoaded(
            personIds.stream().map(PersonId::new).toList(),
            accountIds.stream().map(AccountId::new).toList());
    events.publishEvent(loaded);
    return loaded;
  }

  private void addIdentities(
      Random random, long personId, String first, String last, Set<String> used, Instant now) {
    int count = 1 + random.nextInt(3);
    List<Network> networks =
        new ArrayList<>(
            List.of(Network.X, Network.MASTODON, Network.BLUESKY, Network.LINKEDIN, Network.BLOG));
    java.util.Collections.shuffle(networks, random);
    for (Network network : networks.subList(0, count)) {
      String base = (first + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      String handle = base;
      for (int n = 2; !used.add(network + handle); n++) {
        handle = base + n;
      }
      String url =
          switch (network) {
            case X -> "https://x.com/" + handle;
            case MASTODON -> "https://mastodon.social/@" + handle;
            case BLUESKY -> "https://bsky.app/profile/" + handle + ".bsky.social";
            case LINKEDIN -> "https://www.linkedin.com/in/" + handle;
            default -> "https://" + handle + ".blog.example";
          };
      String shown = network == Network.MASTODON ? "@" + handle + "@mastodon.social" : handle;
      IdentityDraft d =
          new IdentityDraft(
              network,
              shown,
              url,
              first + " " + last,
              pick(random, DemoNames.BIOS),
              random.nextInt(20) == 0 ? 5000 + random.nextInt(50000) : random.nextInt(2500));
      identities.insert(ids.nextIdentity(), personId, d, now);
    }
  }

  private Long owner(Random random) {
    return owners.isEmpty() ? null : owners.get(random.nextInt(owners.size()));
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
