package dev.rapport.people;

import java.util.List;
import java.util.Optional;

/** Reads persons for other features; only persons the current user may see are returned. */
public interface Persons {

  Optional<PersonSummary> find(PersonId id);

  /**
   * {@link #find} for a list: the persons among the ids the current user may see, by id, loaded in
   * a few queries whatever their number (missing and hidden ones are absent).
   */
  default java.util.Map<PersonId, PersonSummary> findAll(java.util.Collection<PersonId> ids) {
    java.util.Map<PersonId, PersonSummary> out = new java.util.LinkedHashMap<>();
    ids.forEach(id -> find(id).ifPresent(p -> out.put(id, p)));
    return out;
  }

  /** Persons whose name, email or title contains the text, best-known first. */
  List<PersonSummary> search(String text, int limit);

  /** The person a merged person now lives on, or the same id when it was never merged. */
  PersonId current(PersonId id);

  /**
   * Whether the person is stored, whoever may see them: for the system's own work (a listener that
   * must not act on a person erased or deleted meanwhile).
   */
  boolean exists(PersonId id);
}
