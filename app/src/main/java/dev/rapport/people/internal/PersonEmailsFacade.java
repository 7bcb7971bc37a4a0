package dev.rapport.people.internal;

import dev.rapport.people.PersonEmails;
import dev.rapport.people.PersonId;
import dev.rapport.people.Persons;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Persons by email for mail features: one indexed query per batch of addresses. */
@Component
class PersonEmailsFacade implements PersonEmails {

  private final PersonStore persons;
  private final PersonService service;
  private final Persons facade;

  PersonEmailsFacade(PersonStore persons, PersonService service, Persons facade) {
    this.persons = persons;
    this.service = service;
    this.facade = facade;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, PersonId> byEmail(Collection<String> emails) {
    Set<String> keys = new LinkedHashSet<>();
    for (String e : emails) {
      if (e != null && !e.isBlank() && e.length() <= Fields.EMAIL) {
        keys.add(Fields.emailKey(e));
      }
    }
    Map<String, PersonId> out = new HashMap<>();
    persons
        .owningPersons(keys)
        .forEach((email, id) -> out.put(email, facade.current(new PersonId(id))));
    return out;
  }

  @Override
  @Transactional
  public PersonId createWithEmail(String email, String displayName) {
    String key = email == null ? "" : Fields.emailKey(email);
    var known = persons.personWithEmail(key);
    if (known.isPresent()) {
      return facade.current(new PersonId(known.get()));
    }
    String first = null;
    String last = null;
    String name = Fields.clean(displayName);
    if (name != null) {
      name = name.replaceAll("[\"<>]", "").strip();
      int space = name.lastIndexOf(' ');
      if (space > 0) {
        first = name.substring(0, space).strip();
        last = name.substring(space + 1).strip();
      } else if (!name.isEmpty()) {
        last = name;
      }
    }
    PersonDraft draft =
        new PersonDraft(
            first,
            last,
            List.of(key.toLowerCase(Locale.ROOT)),
            List.of(),
            null,
            null,
            null,
            List.of(),
            false,
            null);
    return service.create(draft, "mail");
  }
}
