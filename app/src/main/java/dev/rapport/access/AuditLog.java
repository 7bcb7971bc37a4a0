package dev.rapport.access;

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
}
