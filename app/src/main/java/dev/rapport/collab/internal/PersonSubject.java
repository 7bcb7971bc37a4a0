package dev.rapport.collab.internal;

import dev.rapport.access.Permission;
import dev.rapport.access.RecordVisibility;
import dev.rapport.access.User;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.people.RecordAccess;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A person's feed: visible exactly when the person is (people's RecordAccess). */
@Component
class PersonSubject implements FeedSubject {

  private final RecordAccess records;
  private final Persons persons;
  private final RecordVisibility visibility;

  PersonSubject(RecordAccess records, Persons persons, RecordVisibility visibility) {
    this.records = records;
    this.persons = persons;
    this.visibility = visibility;
  }

  @Override
  public SubjectType type() {
    return SubjectType.PERSON;
  }

  @Override
  public void requireVisible(long id) {
    records.requireVisiblePerson(new PersonId(id));
  }

  @Override
  public void requireChangeable(long id) {
    records.requireChangeablePerson(new PersonId(id));
  }

  @Override
  public Optional<String> title(long id) {
    return persons.find(new PersonId(id)).map(PersonSummary::name);
  }

  @Override
  public boolean visibleTo(User user, long id) {
    // the owner as the current actor reads it (the caller already may see the person), then the
    // same visibility rule people's RecordAccess applies, asked for the other user
    return user.enabled()
        && user.actor().can(Permission.PEOPLE_READ)
        && persons
            .find(new PersonId(id))
            .map(p -> visibility.canSee(user.actor(), "person", p.ownerUserId()))
            .orElse(false);
  }

  @Override
  public String href(long id) {
    return "/persons/" + id;
  }
}
