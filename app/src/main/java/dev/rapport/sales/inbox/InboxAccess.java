package dev.rapport.sales.inbox;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.RecordVisibility;
import dev.rapport.access.Role;
import dev.rapport.people.RecordAccess;
import dev.rapport.people.VisiblePersons;
import dev.rapport.shared.NotFoundException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which inbox items the current user may see. An item belongs to its assignee, so the workspace's
 * person visibility (own, team, everyone) decides on assigned items; items in a team's queue are
 * seen by that team, and items in the general queue by everyone who works the inbox. A support user
 * (no admin, sales or marketing role) sees only complaint items routed to them or their team. Every
 * item also asks people's question about its person: a hidden person hides the item.
 */
@Component
class InboxAccess {

  /** A where clause over inbox_item and its parameters. */
  record Condition(String sql, Map<String, Object> params) {}

  private final Actors actors;
  private final RecordVisibility visibility;
  private final RecordAccess records;
  private final VisiblePersons persons;

  InboxAccess(
      Actors actors, RecordVisibility visibility, RecordAccess records, VisiblePersons persons) {
    this.persons = persons;
    this.actors = actors;
    this.visibility = visibility;
    this.records = records;
  }

  Actor actor() {
    return actors.current();
  }

  static boolean isSupportOnly(Actor a) {
    return !a.isAdmin()
        && a.roles().contains(Role.SUPPORT)
        && !a.roles().contains(Role.SALES)
        && !a.roles().contains(Role.MARKETING);
  }

  /**
   * The items the current user may see, as SQL: the item rule below and people's question about the
   * item's person, so a page and its total count the same items {@link #canSee} shows.
   */
  Condition visible() {
    Condition items = itemRule();
    // no condition at all when every person is visible (admins, "everyone"); an item without a
    // person, or whose person is gone, counts as visible, as the page shows it ("not visible")
    VisiblePersons.Condition person = persons.authoredBy("person_id", true);
    Map<String, Object> p = new HashMap<>(items.params());
    p.putAll(person.params());
    return new Condition("(" + items.sql() + ") and (" + person.sql() + ")", p);
  }

  private Condition itemRule() {
    Actor a = actors.current();
    Map<String, Object> p = new HashMap<>();
    if (a.isAdmin()) {
      return new Condition("1 = 1", p);
    }
    p.put("me", a.userId() == null ? -1L : a.userId());
    p.put("myTeams", a.teamIds().isEmpty() ? Set.of(-1L) : a.teamIds());
    String mineOrTeam = "(assignee_user_id = :me or team_id in (:myTeams))";
    if (isSupportOnly(a)) {
      return new Condition(
          "(" + mineOrTeam + " and (',' || readings || ',') like '%,complaint,%')", p);
    }
    Optional<Set<Long>> owners = visibility.visibleOwners(a, "person");
    if (owners.isEmpty()) {
      return new Condition("1 = 1", p);
    }
    Set<Long> seen = new HashSet<>(owners.get());
    seen.add(-1L);
    p.put("owners", seen);
    return new Condition(
        "("
            + mineOrTeam
            + " or assignee_user_id in (:owners)"
            + " or (assignee_user_id is null and team_id is null))",
        p);
  }

  /** Whether the current user may see the item (the same rule as {@link #visible()}). */
  boolean canSee(Item item) {
    Actor a = actors.current();
    if (a.isAdmin()) {
      return personVisible(item);
    }
    boolean mine = a.userId() != null && a.userId().equals(item.assigneeUserId());
    boolean team = item.teamId() != null && a.teamIds().contains(item.teamId());
    boolean ok;
    if (isSupportOnly(a)) {
      ok = (mine || team) && item.readings().contains("complaint");
    } else {
      ok =
          mine
              || team
              || (item.assigneeUserId() == null && item.teamId() == null)
              || visibility.canSee(a, "person", item.assigneeUserId());
    }
    return ok && personVisible(item);
  }

  /** The item, or not found when it is missing or hidden from the current user. */
  Item require(Item item) {
    if (!canSee(item)) {
      throw new NotFoundException("inbox item", item.id());
    }
    return item;
  }

  private boolean personVisible(Item item) {
    if (item.person() == null) {
      return true;
    }
    try {
      records.requireVisiblePerson(item.person());
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
