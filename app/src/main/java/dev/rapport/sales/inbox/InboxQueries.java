package dev.rapport.sales.inbox;

import dev.rapport.access.Actor;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The inbox as lists: the items the current user may see, narrowed to a view (mine, team, queue,
 * breached, open, done), strictest deadline first.
 */
@Component
class InboxQueries {

  /** The lists the inbox offers. */
  enum View {
    OPEN,
    MINE,
    TEAM,
    QUEUE,
    BREACHED,
    DONE;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static View parse(String raw) {
      if (raw == null || raw.isBlank()) {
        return OPEN;
      }
      try {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of(
            "view", "unknown view '" + raw + "'; use open, mine, team, queue, breached or done");
      }
    }
  }

  /** One page of items with the count of all that match. */
  record Page(List<Item> items, long total, int page, int size) {}

  static final int MAX_SIZE = 200;

  private final InboxItems items;
  private final InboxAccess access;

  InboxQueries(InboxItems items, InboxAccess access) {
    this.items = items;
    this.access = access;
  }

  Page page(View view, int page, int size) {
    if (page < 0) {
      throw InvalidInputException.of("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidInputException.of("size", "must be 1 to " + MAX_SIZE);
    }
    InboxAccess.Condition visible = access.visible();
    Map<String, Object> p = new HashMap<>(visible.params());
    p.put("now", Timestamp.from(Instant.now()));
    Actor a = access.actor();
    p.putIfAbsent("me", a.userId() == null ? -1L : a.userId());
    p.putIfAbsent("myTeams", a.teamIds().isEmpty() ? Set.of(-1L) : a.teamIds());
    String where = visible.sql() + " and " + narrow(view);
    // the condition is the whole visibility rule (canSee's, in SQL): page and total agree
    List<Item> list = items.where(where, p, page * size, size);
    return new Page(list, items.count(where, p), page, size);
  }

  /** The item if the current user may see it, else not found. */
  Item get(long id) {
    return access.require(
        items.find(id).orElseThrow(() -> new NotFoundException("inbox item", id)));
  }

  /** The open items about a person the caller may see (for the person's page and the brief). */
  List<Item> openFor(dev.rapport.people.PersonId person) {
    InboxAccess.Condition visible = access.visible();
    Map<String, Object> p = new HashMap<>(visible.params());
    p.put("now", Timestamp.from(Instant.now()));
    p.put("person", person.value());
    return items
        .where(
            visible.sql() + " and person_id = :person and status not in ('done', 'replied')",
            p,
            0,
            MAX_SIZE)
        .stream()
        .filter(access::canSee)
        .toList();
  }

  private static String narrow(View view) {
    return switch (view) {
      case OPEN -> InboxItems.WAITING;
      case MINE -> InboxItems.WAITING + " and assignee_user_id = :me";
      case TEAM -> InboxItems.WAITING + " and team_id in (:myTeams)";
      case QUEUE -> InboxItems.WAITING + " and assignee_user_id is null";
      case BREACHED -> InboxItems.BREACHED;
      case DONE -> "status in ('done', 'replied')";
    };
  }
}
