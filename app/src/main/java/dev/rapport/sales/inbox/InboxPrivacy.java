package dev.rapport.sales.inbox;

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
 * The inbox items about a person's posts (with their history) in their data export, and gone when
 * they are erased (docs/privacy.md).
 */
@Component
class InboxPrivacy implements PersonDataExport {

  private final JdbcClient jdbc;

  InboxPrivacy(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Object> sectionsAbout(List<PersonId> persons) {
    List<Long> ids = persons.stream().map(PersonId::value).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "inboxItems",
        ExportRows.plain(
            jdbc.sql("select * from inbox_item where person_id in (:ids) order by id")
                .param("ids", ids)
                .query()
                .listOfRows()));
    out.put(
        "inboxItemChanges",
        ExportRows.plain(
            jdbc.sql(
                    "select c.* from inbox_item_change c join inbox_item i on i.id = c.item_id"
                        + " where i.person_id in (:ids) order by c.id")
                .param("ids", ids)
                .query()
                .listOfRows()));
    return out;
  }

  /**
   * Synchronous, in the erasing transaction, on purpose (as people's merges are followed): an
   * erasure is all-or-nothing.
   */
  @EventListener
  @Transactional
  void on(PersonErased erased) {
    jdbc.sql(
            "delete from inbox_item_change where item_id in"
                + " (select id from inbox_item where person_id in (:ids))")
        .param("ids", erased.ids())
        .update();
    jdbc.sql("delete from inbox_item where person_id in (:ids)")
        .param("ids", erased.ids())
        .update();
  }
}
