package dev.rapport.people.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.Network;
import dev.rapport.people.PersonCreated;
import dev.rapport.people.PersonDeleted;
import dev.rapport.people.PersonId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes persons: checks, audit row and event in one transaction. */
@Service
class PersonService {

  private final PersonStore persons;
  private final AccountStore accounts;
  private final Ids ids;
  private final AuditLog audit;
  private final Visible visible;
  private final ApplicationEventPublisher events;
  private final MergeProposals proposals;
  private final JdbcClient jdbc;

  PersonService(
      PersonStore persons,
      AccountStore accounts,
      Ids ids,
      AuditLog audit,
      Visible visible,
      ApplicationEventPublisher events,
      MergeProposals proposals,
      JdbcClient jdbc) {
    this.persons = persons;
    this.accounts = accounts;
    this.ids = ids;
    this.audit = audit;
    this.visible = visible;
    this.events = events;
    this.proposals = proposals;
    this.jdbc = jdbc;
  }

  @Transactional
  public PersonId create(PersonDraft draft, String source) {
    PersonId id = createUnproposed(draft, origin(source), null);
    proposals.proposeFor(id.value());
    return id;
  }

  /**
   * Creates the person without looking for merge candidates: for callers that add evidence (an
   * identity) right after and propose once that is in place.
   */
  @Transactional
  public PersonId createUnproposed(
      PersonDraft draft, PersonCreated.Origin origin, Network network) {
    check(draft, null);
    long id = ids.nextPerson();
    persons.insertAll(List.of(new PersonStore.NewPerson(id, draft)), Instant.now());
    audit.record(Visible.PERSON, id, AuditLog.Action.CREATE, null, draft);
    announceCreated(List.of(id), origin, network);
    return new PersonId(id);
  }

  /** How a caller's source name ("api", "ui", "import", "listening") counts for other features. */
  static PersonCreated.Origin origin(String source) {
    return switch (source == null ? "" : source) {
      case "listening" -> PersonCreated.Origin.LISTENING;
      case "import" -> PersonCreated.Origin.IMPORT;
      default -> PersonCreated.Origin.MANUAL;
    };
  }

  /** Announces new persons, one {@link PersonCreated} each, however they were created. */
  public void announceCreated(List<Long> personIds, PersonCreated.Origin origin, Network network) {
    personIds.forEach(
        id -> events.publishEvent(new PersonCreated(new PersonId(id), origin, network)));
  }

  @Transactional
  public Person update(long id, PersonDraft draft) {
    Person old = get(id);
    if (old.mergedInto() != null) {
      throw InvalidInputException.of(
          "id", "person " + id + " was merged into " + old.mergedInto() + "; change that person");
    }
    check(draft, id);
    persons.update(id, draft, Instant.now());
    audit.record(Visible.PERSON, id, AuditLog.Action.UPDATE, old.draft(), draft);
    proposals.proposeFor(id);
    return get(id);
  }

  @Transactional
  public void delete(long id) {
    Person old = get(id);
    long merges =
        jdbc.sql("select count(*) from person_merge where survivor_id = :id or merged_id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    if (merges > 0) {
      throw InvalidInputException.of(
          "id", "person " + id + " is part of a recorded merge and is kept for its history");
    }
    jdbc.sql("delete from merge_proposal where person_a = :id or person_b = :id")
        .param("id", id)
        .update();
    persons.delete(id);
    audit.record(Visible.PERSON, id, AuditLog.Action.DELETE, old.draft(), null);
    events.publishEvent(new PersonDeleted(new PersonId(id)));
  }

  /** The person if the current user may see it; otherwise not found, so existence does not leak. */
  @Transactional(readOnly = true)
  public Person get(long id) {
    return persons
        .find(id)
        .filter(p -> visible.canSee(Visible.PERSON, p.ownerUserId()))
        .orElseThrow(() -> new NotFoundException("person", id));
  }

  @Transactional(readOnly = true)
  public Page<Person> list(ListQuery query) {
    return persons.page(query, visible.owners(Visible.PERSON));
  }

  private void check(PersonDraft draft, Long self) {
    List<FieldError> errors = new ArrayList<>(draft.problems());
    Map<String, Long> owners = persons.owningPersons(draft.emails());
    for (int i = 0; i < draft.emails().size(); i++) {
      Long owner = owners.get(draft.emails().get(i));
      if (owner != null && !owner.equals(self)) {
        errors.add(new FieldError("emails[" + i + "]", "already belongs to person " + owner));
      }
    }
    if (draft.accountId() != null && accounts.find(draft.accountId()).isEmpty()) {
      errors.add(new FieldError("accountId", "no account with id " + draft.accountId()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
