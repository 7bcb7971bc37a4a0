package dev.rapport.timeline;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.util.List;

/**
 * The timeline facade, and the only way in: a feature appends its touchpoints here, in its own
 * transaction, and the timeline imports no feature. Appends are idempotent on the source (type,
 * id): appending the same source again returns the stored touchpoint unchanged. Invalid input
 * raises {@code InvalidInputException} naming each field.
 */
public interface Timeline {

  /** The stored touchpoint and whether this call created it. */
  record Appended(Touchpoint touchpoint, boolean created) {}

  Appended append(NewTouchpoint touchpoint);

  /**
   * Appends many at once, each checked as {@link #append} checks it, in one insert and one audit
   * batch (for producers that store by the hundred, such as ingest). Returns how many were new;
   * sources already on the timeline are left as they are.
   */
  int appendAll(List<NewTouchpoint> touchpoints);

  TouchpointPage forPerson(PersonId person, TouchpointFilter filter);

  TouchpointPage forAccount(AccountId account, TouchpointFilter filter);
}
