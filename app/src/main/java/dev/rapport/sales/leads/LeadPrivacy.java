package dev.rapport.sales.leads;

import dev.rapport.people.PersonDataExport;
import dev.rapport.people.PersonErased;
import dev.rapport.people.PersonId;
import dev.rapport.shared.ExportRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's lead record and score history in their data export, and gone when they are erased
 * (docs/privacy.md).
 */
@Component
class LeadPrivacy implements PersonDataExport {

  private final JdbcClient jdbc;

  LeadPrivacy(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Object> sectionsAbout(List<PersonId> persons) {
    List<Long> ids = persons.stream().map(PersonId::value).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("lead", rows("select * from sales_lead where person_id in (:ids)", ids));
    out.put(
        "leadScores",
        rows("select * from sales_lead_score where person_id in (:ids) order by id", ids));
    return out;
  }

  /**
   * Synchronous, in the erasing transaction, on purpose (as people's merges are followed): an
   * erasure is all-or-nothing.
   */
  @EventListener
  @Transactional
  void on(PersonErased erased) {
    for (String table : List.of("sales_lead_score", "sales_lead")) {
      jdbc.sql("delete from " + table + " where person_id in (:ids)")
          .param("ids", erased.ids())
          .update();
    }
  }

  private List<Map<String, Object>> rows(String sql, List<Long> ids) {
    return ExportRows.plain(jdbc.sql(sql).param("ids", ids).query().listOfRows());
  }
}
