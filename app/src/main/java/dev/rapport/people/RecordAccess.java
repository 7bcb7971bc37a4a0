package dev.rapport.people;

/**
 * The one visibility question for anything about a person or an account: every route that shows or
 * changes a record's data (its timeline, stages, notes, identities, fit) asks it first, so a record
 * hidden from the current user stays hidden everywhere, exactly as the record itself does.
 *
 * <p>Hidden and missing are the same answer, {@code NotFoundException} (404), so existence never
 * leaks. Admins see everything; records without an owner are visible to all.
 */
public interface RecordAccess {

  /** Returns quietly when the current user may see the person; otherwise not found. */
  void requireVisiblePerson(PersonId person);

  /** Returns quietly when the current user may see the account; otherwise not found. */
  void requireVisibleAccount(AccountId account);

  /**
   * The check before a change to anything about a person: it must be visible to the current user.
   * The route's permission (say {@code TIMELINE_WRITE}) is checked by the route itself.
   */
  default void requireChangeablePerson(PersonId person) {
    requireVisiblePerson(person);
  }

  /** The check before a change to anything about an account; as for persons. */
  default void requireChangeableAccount(AccountId account) {
    requireVisibleAccount(account);
  }
}
