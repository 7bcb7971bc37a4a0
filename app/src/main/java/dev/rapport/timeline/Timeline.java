package dev.rapport.timeline;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;

/**
 * The timeline facade. Appends are idempotent on the source (type, id): appending the same source
 * again returns the stored touchpoint unchanged. Invalid input raises {@code InvalidInputException}
 * naming each field.
 */
public interface Timeline {

  /** The stored touchpoint and whether this call created it. */
  record Appended(Touchpoint touchpoint, boolean created) {}

  Appended append(NewTouchpoint touchpoint);

  TouchpointPage forPerson(PersonId person, TouchpointFilter filter);

  TouchpointPage forAccount(AccountId account, TouchpointFilter filter);
}
