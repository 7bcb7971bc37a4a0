package dev.rapport.people.internal;

import dev.rapport.access.Actors;
import dev.rapport.access.AuditLog;
import dev.rapport.access.Permission;
import dev.rapport.people.PersonDataExport;
import dev.rapport.people.PersonId;
import dev.rapport.shared.ExportRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything Rapport keeps about a person, as one document (GDPR right of access): people's own
 * rows (the person and the records merged into them, emails, phones, tags, account link,
 * identities, merges), each feature's sections through {@link PersonDataExport}, and the audit rows
 * about the person and their identities for users who may read the audit log.
 */
@Service
class PersonExport {

  private final PersonService persons;
  private final PersonErasure erasure;
  private final JdbcClient jdbc;
  private final List<PersonDataExport> features;
  private final AuditLog audit;
  private final Actors actors;

  PersonExport(
      PersonService persons,
      PersonErasure erasure,
      JdbcClient jdbc,
      List<PersonDataExport> features,
      AuditLog audit,
      Actors actors) {
    this.persons = persons;
    this.erasure = erasure;
    this.jdbc = jdbc;
    this.features = features;
    this.audit = audit;
    this.actors = actors;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> export(long id) {
    Person person = persons.get(id);
    List<Long> ids = erasure.withMergedRecords(id);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", "rapport-person-export/1");
    doc.put("exportedAt", Instant.now().toString());
    doc.put("exportedBy", actors.current().name());
    doc.put("personId", id);
    doc.put("person", rows("select * from person where id in (:ids) order by id", ids));
    doc.put("emails", rows("select * from person_email where person_id in (:ids)", ids));
    doc.put("phones", rows("select * from person_phone where person_id in (:ids)", ids));
    doc.put("tags", rows("select * from person_tag where person_id in (:ids)", ids));
    doc.put("account", account(person.accountId()));
    List<Map<String, Object>> identities =
        rows("select * from social_identity where person_id in (:ids) order by id", ids);
    doc.put("identities", identities);
    doc.put(
        "merges",
        rows(
            "select * from person_merge where survivor_id in (:ids) or merged_id in (:ids)"
                + " order by id",
            ids));
    List<PersonId> personIds = ids.stream().map(PersonId::new).toList();
    for (PersonDataExport feature : features) {
      doc.putAll(feature.sectionsAbout(personIds));
    }
    doc.put("audit", auditRows(ids, identities));
    return doc;
  }

  private Object auditRows(List<Long> ids, List<Map<String, Object>> identities) {
    if (!actors.current().can(Permission.AUDIT_READ)) {
      return Map.of("withheld", "reading the audit log needs the AUDIT_READ permission");
    }
    List<AuditLog.Row> rows = new ArrayList<>(audit.about(Visible.PERSON, ids));
    rows.addAll(audit.about("identity", identities.stream().map(i -> i.get("id")).toList()));
    return rows;
  }

  private Map<String, Object> account(Long accountId) {
    if (accountId == null) {
      return null;
    }
    return jdbc
        .sql("select id, name from account where id = :id")
        .param("id", accountId)
        .query()
        .listOfRows()
        .stream()
        .findFirst()
        .map(ExportRows::plain)
        .orElse(null);
  }

  private List<Map<String, Object>> rows(String sql, List<Long> ids) {
    return ExportRows.plain(jdbc.sql(sql).param("ids", ids).query().listOfRows());
  }
}
