package dev.rapport.access;

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
}
