package dev.rapport.people.internal;

import dev.rapport.people.AccountId;
import dev.rapport.people.AccountSummary;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The persons facade other features use; visibility applies as for the API. */
@Component
class PersonsFacade implements Persons {

  private final PersonStore persons;
  private final AccountStore accounts;
  private final Visible visible;
  private final JdbcClient jdbc;

  PersonsFacade(PersonStore persons, AccountStore accounts, Visible visible, JdbcClient jdbc) {
    this.persons = persons;
    this.accounts = accounts;
    this.visible = visible;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<PersonSummary> find(PersonId id) {
    return persons
        .find(id.value())
        .filter(p -> visible.canSee(Visible.PERSON, p.ownerUserId()))
        .map(PersonsFacade::summary);
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Map<PersonId, PersonSummary> findAll(java.util.Collection<PersonId> ids) {
    java.util.Map<PersonId, PersonSummary> out = new java.util.LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Person p : persons.loadAll(ids.stream().map(PersonId::value).distinct().toList())) {
      if (visible.canSee(Visible.PERSON, p.ownerUserId())) {
        out.put(new PersonId(p.id()), summary(p));
      }
    }
    return out;
  }

  @Override
  @Transactional(readOnly = true)
  public List<PersonSummary> search(String text, int limit) {
    ListQuery q =
        ListQuery.of(text, null, null, null, "name", 0, clamp(limit), PersonStore.SORTABLE);
    return persons.page(q, visible.owners(Visible.PERSON)).items().stream()
        .map(PersonsFacade::summary)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public PersonId current(PersonId id) {
    Long into =
        jdbc.sql("select merged_into from person where id = :id")
            .param("id", id.value())
            .query(Long.class)
            .optional()
            .orElse(null);
    return into == null ? id : new PersonId(into);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean exists(PersonId id) {
    return jdbc.sql("select count(*) from person where id = :id")
            .param("id", id.value())
            .query(Long.class)
            .single()
        > 0;
  }

  static int clamp(int limit) {
    return Math.max(1, Math.min(limit, ListQuery.MAX_SIZE));
  }

  static PersonSummary summary(Person p) {
    return new PersonSummary(
        new PersonId(p.id()),
        p.fullName(),
        p.emails().isEmpty() ? null : p.emails().get(0),
        p.title(),
        p.accountId() == null ? null : new AccountId(p.accountId()),
        p.accountName(),
        p.ownerUserId(),
        p.tags());
  }

  static AccountSummary summary(Account a) {
    return new AccountSummary(
        new AccountId(a.id()),
        a.name(),
        a.domain(),
        a.industry(),
        a.employees(),
        a.location(),
        a.ownerUserId());
  }
}
