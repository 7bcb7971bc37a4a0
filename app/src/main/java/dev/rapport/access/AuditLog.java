package dev.rapport.access;

import java.util.Collection;
import java.util.List;

/**
 * The append-only record of every create, update and delete: who, when, what, old and new values.
 * Features call it in the same transaction as the change.
 */
public interface AuditLog {

  enum Action {
    CREATE,
    UPDATE,
    DELETE
  }

  /**
   * Records one change by the current actor. Old and new values are any objects Jackson can write
   * (records, maps); null where there is none.
   */
  void record(String objectType, Object objectId, Action action, Object oldValue, Object newValue);

  /** One change to record: what, which, how, and the old and new values (null where none). */
  record Entry(
      String objectType, Object objectId, Action action, Object oldValue, Object newValue) {}

  /**
   * Records many changes by the current actor, one audit row per entry, exactly as {@link #record}
   * would one by one, but in as few round trips as the store allows (a bulk import writes a
   * thousand rows at once).
   */
  default void recordAll(List<Entry> entries) {
    for (Entry e : entries) {
      record(e.objectType(), e.objectId(), e.action(), e.oldValue(), e.newValue());
    }
  }

  /**
   * Blanks the old and new values of every earlier row about the given objects (their personal
   * data, when a person is erased); the rows themselves stay, so who did what and when is kept.
   * Returns how many rows were blanked.
   */
  int erase(String objectType, Collection<?> objectIds);

  /** One stored audit row, values as the JSON text they were written as (null where none). */
  record Row(
      long id,
      java.time.Instant at,
      String actorName,
      String objectType,
      String objectId,
      Action action,
      String oldValue,
      String newValue) {}

  /** Every row about the given objects, oldest first. */
  List<Row> about(String objectType, Collection<?> objectIds);
}
