package dev.rapport.people;

import java.util.List;
import java.util.Objects;

/**
 * Published, inside the erasing transaction, when a person is erased (GDPR right to erasure): every
 * feature that keeps rows about a person deletes them, with their audit values, before the
 * transaction commits. {@code persons} is the erased person and every record merged into them;
 * {@code identities} are their social identities, so that a feature can find rows it tied to a
 * handle rather than to a person. The reason stays with people's own audit row.
 */
public record PersonErased(PersonId person, List<PersonId> persons, List<Handle> identities) {

  /** One erased social identity as it was stored. */
  public record Handle(Network network, String handle, String profileUrl) {
    public Handle {
      Objects.requireNonNull(network, "network");
      Objects.requireNonNull(handle, "handle");
    }
  }

  public PersonErased {
    Objects.requireNonNull(person, "person");
    persons = List.copyOf(persons);
    identities = List.copyOf(identities);
    if (!persons.contains(person)) {
      throw new IllegalArgumentException("persons must contain the erased person");
    }
  }

  /** The ids of {@link #persons}, for SQL. */
  public List<Long> ids() {
    return persons.stream().map(PersonId::value).toList();
  }
}
