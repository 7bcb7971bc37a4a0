package dev.rapport.people.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.Network;
import dev.rapport.people.PersonErased;
import dev.rapport.people.PersonId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.TextChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a person everywhere (GDPR right to erasure), all-or-nothing in one transaction: their
 * identities go to the blocklist as hashes, {@link PersonErased} lets every feature delete its rows
 * about them in the same transaction, then people deletes its own rows and blanks the values of
 * earlier audit rows about them. The erasure's own audit row keeps the id and the reason only.
 *
 * <p>An event handled synchronously, like merges ({@code PersonsMerged}), rather than people
 * calling an erase hook per feature: people may not depend on the features that depend on it, and a
 * listener in the same transaction makes a failure anywhere undo the whole erasure.
 */
@Service
class PersonErasure {

  static final int REASON_MAX = 1000;

  /** What an erasure removed, for the answer to the admin. */
  record Erased(long person, int records, int identities) {}

  private record StoredIdentity(long id, Network network, String handle, String profileUrl) {}

  private final PersonService persons;
  private final JdbcClient jdbc;
  private final ErasureBlocklistFacade blocklist;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;

  PersonErasure(
      PersonService persons,
      JdbcClient jdbc,
      ErasureBlocklistFacade blocklist,
      ApplicationEventPublisher events,
      AuditLog audit) {
    this.persons = persons;
    this.jdbc = jdbc;
    this.blocklist = blocklist;
    this.events = events;
    this.audit = audit;
  }

  @Transactional
  public Erased erase(long id, String reason) {
    String why = checkedReason(reason);
    Person person = persons.get(id);
    if (person.mergedInto() != null) {
      throw InvalidInputException.of(
          "id", "person " + id + " was merged into " + person.mergedInto() + "; erase that person");
    }
    List<Long> ids = withMergedRecords(id);
    List<StoredIdentity> identities = identitiesOf(ids);
    for (StoredIdentity i : identities) {
      blocklist.add(i.network(), i.handle(), i.profileUrl(), why);
    }
    events.publishEvent(
        new PersonErased(
            new PersonId(id),
            ids.stream().map(PersonId::new).toList(),
            identities.stream()
                .map(i -> new PersonErased.Handle(i.network(), i.handle(), i.profileUrl()))
                .toList()));
    List<Long> proposals =
        jdbc.sql("select id from merge_proposal where person_a in (:ids) or person_b in (:ids)")
            .param("ids", ids)
            .query(Long.class)
            .list();
    List<String> emails =
        jdbc.sql("select email from person_email where person_id in (:ids)")
            .param("ids", ids)
            .query(String.class)
            .list();
    deleteOwnRows(ids);
    scrubImportErrors(emails);
    audit.erase(Visible.PERSON, ids);
    audit.erase("identity", identities.stream().map(StoredIdentity::id).toList());
    audit.erase("merge_proposal", proposals);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("erased", true);
    record.put("reason", why);
    record.put("records", ids.size());
    audit.record(Visible.PERSON, id, AuditLog.Action.DELETE, null, record);
    return new Erased(id, ids.size(), identities.size());
  }

  /** The reason an admin gives, required and bounded. */
  static String checkedReason(String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty()) {
      throw InvalidInputException.of("reason", "say why the person is erased");
    }
    if (r.length() > REASON_MAX) {
      throw InvalidInputException.of(
          "reason", "value is " + r.length() + " characters long; at most " + REASON_MAX);
    }
    String refusal = TextChecks.refusal(r);
    if (refusal != null) {
      throw InvalidInputException.of("reason", refusal);
    }
    return r;
  }

  /** The person and every record merged into them, at any depth. */
  List<Long> withMergedRecords(long id) {
    Set<Long> all = new LinkedHashSet<>(List.of(id));
    List<Long> frontier = List.of(id);
    while (!frontier.isEmpty()) {
      List<Long> next =
          jdbc
              .sql("select id from person where merged_into in (:ids)")
              .param("ids", frontier)
              .query(Long.class)
              .list()
              .stream()
              .filter(all::add)
              .toList();
      frontier = next;
    }
    return new ArrayList<>(all);
  }

  private List<StoredIdentity> identitiesOf(List<Long> ids) {
    return jdbc.sql(
            "select id, network, handle, profile_url from social_identity"
                + " where person_id in (:ids) order by id")
        .param("ids", ids)
        .query(
            (rs, n) ->
                new StoredIdentity(
                    rs.getLong("id"),
                    Network.parse(rs.getString("network")),
                    rs.getString("handle"),
                    rs.getString("profile_url")))
        .list();
  }

  private void deleteOwnRows(List<Long> ids) {
    jdbc.sql("delete from merge_proposal where person_a in (:ids) or person_b in (:ids)")
        .param("ids", ids)
        .update();
    jdbc.sql("delete from person_merge where survivor_id in (:ids) or merged_id in (:ids)")
        .param("ids", ids)
        .update();
    jdbc.sql("delete from social_identity where person_id in (:ids)").param("ids", ids).update();
    for (String child : List.of("person_email", "person_phone", "person_tag")) {
      jdbc.sql("delete from " + child + " where person_id in (:ids)").param("ids", ids).update();
    }
    jdbc.sql("delete from person where id in (:ids)").param("ids", ids).update();
  }

  /** An import's error list may quote a refused row's email; those lines go. */
  private void scrubImportErrors(List<String> emails) {
    for (String email : emails) {
      jdbc.sql("delete from import_error where reason like :p escape '!'")
          .param("p", "%" + likeEscaped(email) + "%")
          .update();
    }
  }

  private static String likeEscaped(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
