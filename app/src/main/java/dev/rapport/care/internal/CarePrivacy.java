package dev.rapport.care.internal;

import dev.rapport.people.PersonDataExport;
import dev.rapport.people.PersonErased;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonsMerged;
import dev.rapport.shared.ExportRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's cases (with their history and churn-risk marks) in their data export, moved to the
 * survivor of a merge and gone when the person is erased (docs/privacy.md).
 */
@Component
class CarePrivacy implements PersonDataExport {

  private final JdbcClient jdbc;

  CarePrivacy(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Object> sectionsAbout(List<PersonId> persons) {
    List<Long> ids = persons.stream().map(PersonId::value).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "cases",
        ExportRows.plain(
            jdbc.sql("select * from care_case where person_id in (:ids) order by id")
                .param("ids", ids)
                .query()
                .listOfRows()));
    out.put(
        "caseHistory",
        ExportRows.plain(
            jdbc.sql(
                    "select e.* from care_case_event e join care_case c on c.id = e.case_id"
                        + " where c.person_id in (:ids) order by e.id")
                .param("ids", ids)
                .query()
                .listOfRows()));
    out.put(
        "churnRisk",
        ExportRows.plain(
            jdbc.sql("select * from care_churn_risk where person_id in (:ids) order by id")
                .param("ids", ids)
                .query()
                .listOfRows()));
    return out;
  }

  /** Synchronous, in the merging transaction, on purpose: a merge is all-or-nothing. */
  @EventListener
  @Transactional
  void on(PersonsMerged merged) {
    for (String table : List.of("care_case", "care_churn_risk")) {
      jdbc.sql("update " + table + " set person_id = :s where person_id = :m")
          .param("s", merged.survivor().value())
          .param("m", merged.merged().value())
          .update();
    }
  }

  /** Synchronous, in the erasing transaction, on purpose: an erasure is all-or-nothing. */
  @EventListener
  @Transactional
  void on(PersonErased erased) {
    String cases = "(select id from care_case where person_id in (:ids))";
    jdbc.sql("delete from care_case_event where case_id in " + cases)
        .param("ids", erased.ids())
        .update();
    jdbc.sql("delete from care_case_mention where case_id in " + cases)
        .param("ids", erased.ids())
        .update();
    jdbc.sql("delete from care_churn_risk where person_id in (:ids)")
        .param("ids", erased.ids())
        .update();
    jdbc.sql("delete from care_case where person_id in (:ids)").param("ids", erased.ids()).update();
  }
}
