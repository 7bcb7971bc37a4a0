package dev.rapport.sales.inbox;

import dev.rapport.access.User;
import dev.rapport.people.AccountSummary;
import dev.rapport.people.Accounts;
import dev.rapport.people.IdealCustomers;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sends a new item to whoever should answer it: the first enabled routing rule that matches, in
 * order, assigns to its user or to the next member of its team; an item no rule takes waits in the
 * queue team's queue, unassigned.
 */
@Component
class InboxRouting {

  private final Routes routes;
  private final Persons persons;
  private final IdealCustomers icp;
  private final InboxWork work;
  private final Accounts accounts;

  InboxRouting(
      Routes routes, Persons persons, IdealCustomers icp, InboxWork work, Accounts accounts) {
    this.routes = routes;
    this.accounts = accounts;
    this.persons = persons;
    this.icp = icp;
    this.work = work;
  }

  /** Routes the item, in the caller's transaction; the item as routed. */
  Item route(Item item) {
    Route.Facts facts = facts(item);
    for (Route r : routes.all()) {
      if (!r.matches(facts)) {
        continue;
      }
      if (r.assignUserId() != null) {
        return work.routed(item.id(), r.assignUserId(), null, r, "by rule '" + r.name() + "'");
      }
      Optional<User> next = routes.nextMember(r);
      if (next.isPresent()) {
        return work.routed(
            item.id(),
            next.get().id(),
            r.assignTeamId(),
            r,
            "by rule '" + r.name() + "', round-robin in team " + r.assignTeamId());
      }
    }
    return work.routed(item.id(), null, routes.queueTeam().orElse(null), null, "no rule matched");
  }

  private Route.Facts facts(Item item) {
    Optional<PersonSummary> person =
        item.person() == null ? Optional.empty() : persons.find(item.person());
    Long owner = person.map(PersonSummary::ownerUserId).orElse(null);
    Boolean fit = item.person() == null ? null : icp.fits(item.person()).orElse(null);
    String location =
        person
            .map(PersonSummary::account)
            .flatMap(accounts::find)
            .map(AccountSummary::location)
            .orElse(null);
    return new Route.Facts(
        item.ruleIds(), item.readings(), item.network(), item.language(), owner, fit, location);
  }
}
