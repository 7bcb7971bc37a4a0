package dev.rapport.care.internal;

import dev.rapport.access.Actors;
import dev.rapport.people.RecordAccess;
import dev.rapport.people.VisiblePersons;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads cases as the current user may see them: a case is seen by whoever may see its person
 * (people's record visibility), in lists (an SQL condition, so counts and pages stay true) and by
 * id (people's {@link RecordAccess} question; hidden is 404, as a case that does not exist).
 */
@Component
class CaseQueries {

  static final int MAX_SIZE = 100;

  /** The queue's views. */
  enum View {
    OPEN,
    MINE,
    UNASSIGNED,
    BREACHED,
    CLOSED,
    ALL;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static View parse(String raw) {
      if (raw == null || raw.isBlank()) {
        return OPEN;
      }
      for (View v : values()) {
        if (v.key().equals(raw.strip().toLowerCase(Locale.ROOT))) {
          return v;
        }
      }
      throw InvalidInputException.of(
          "view",
          "'" + raw + "' is not a view; expected open, mine, unassigned, breached, closed or all");
    }
  }

  /** A page of cases. */
  record Page(List<CareCase> items, long total, int page, int size) {}

  private final CaseStore store;
  private final VisiblePersons visible;
  private final RecordAccess records;
  private final Actors actors;

  CaseQueries(CaseStore store, VisiblePersons visible, RecordAccess records, Actors actors) {
    this.store = store;
    this.visible = visible;
    this.records = records;
    this.actors = actors;
  }

  Page page(View view, int page, int size) {
    if (page < 0) {
      throw InvalidInputException.of("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidInputException.of("size", "must be between 1 and " + MAX_SIZE);
    }
    VisiblePersons.Condition v = visible.authoredBy("c.person_id", false);
    Map<String, Object> p = new HashMap<>(v.params());
    String where = "(" + v.sql() + ") and " + filter(view, p);
    String order = view == View.CLOSED ? "c.closed_at desc, c.id desc" : "c.due_at, c.id";
    return new Page(store.page(where, p, order, page, size), store.count(where, p), page, size);
  }

  /** The case, or not found when it is missing or its person is hidden from the current user. */
  CareCase get(long id) {
    CareCase c = store.find(id).orElseThrow(() -> new NotFoundException("case", id));
    try {
      records.requireVisiblePerson(c.person());
    } catch (NotFoundException e) {
      throw new NotFoundException("case", id);
    }
    return c;
  }

  /** Open cases of a person (all of them: the caller asked people's question for the person). */
  List<CareCase> openFor(String column, long id) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", id);
    return store.page("c." + column + " = :id and c.status <> 'closed'", p, "c.due_at", 0, 50);
  }

  private String filter(View view, Map<String, Object> p) {
    p.put("now", Timestamp.from(Instant.now()));
    Long me = actors.current().userId();
    p.put("me", me == null ? -1L : me);
    return switch (view) {
      case OPEN -> "c.status <> 'closed'";
      case MINE -> "c.status <> 'closed' and c.assignee_user_id = :me";
      case UNASSIGNED -> "c.status <> 'closed' and c.assignee_user_id is null";
      case BREACHED ->
          "c.status not in ('closed', 'resolved') and c.first_response_at is null"
              + " and c.due_at < :now";
      case CLOSED -> "c.status = 'closed'";
      case ALL -> "1 = 1";
    };
  }
}
