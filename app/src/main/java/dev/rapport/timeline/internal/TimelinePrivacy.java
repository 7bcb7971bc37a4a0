package dev.rapport.timeline.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.PersonDataExport;
import dev.rapport.people.PersonErased;
import dev.rapport.people.PersonId;
import dev.rapport.shared.ExportRows;
import dev.rapport.timeline.TouchpointKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's touchpoints in their data export, and gone when they are erased: the touchpoints
 * (notes included), the badges attached to them, and the values of their audit rows.
 */
@Component
class TimelinePrivacy implements PersonDataExport {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final AuditLog audit;

  TimelinePrivacy(JdbcClient jdbc, JdbcTemplate template, AuditLog audit) {
    this.jdbc = jdbc;
    this.template = template;
    this.audit = audit;
  }

  @Override
  public Map<String, Object> sectionsAbout(List<PersonId> persons) {
    List<Map<String, Object>> all =
        ExportRows.plain(
            jdbc.sql("select * from touchpoint where person_id in (:ids) order by occurred_at, id")
                .param("ids", ids(persons))
                .query()
                .listOfRows());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("touchpoints", all);
    out.put(
        "notes",
        all.stream().filter(t -> TouchpointKind.NOTE.name().equals(t.get("kind"))).toList());
    return out;
  }

  /**
   * Synchronous, in the erasing transaction, on purpose (as for merges): an erasure is
   * all-or-nothing, so the person's rows and their touchpoints go together or not at all.
   */
  @EventListener
  @Transactional
  void on(PersonErased erased) {
    List<Object[]> sources =
        jdbc.sql("select id, source_type, source_id from touchpoint where person_id in (:ids)")
            .param("ids", erased.ids())
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
            .list();
    template.batchUpdate(
        "delete from touchpoint_badges where source_type = ? and source_id = ?",
        sources.stream().map(s -> new Object[] {s[1], s[2]}).toList());
    jdbc.sql("delete from touchpoint where person_id in (:ids)")
        .param("ids", erased.ids())
        .update();
    audit.erase("touchpoint", sources.stream().map(s -> s[0]).toList());
  }

  private static List<Long> ids(List<PersonId> persons) {
    return persons.stream().map(PersonId::value).toList();
  }
}
