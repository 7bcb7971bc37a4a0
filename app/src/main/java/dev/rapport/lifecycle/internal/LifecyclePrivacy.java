package dev.rapport.lifecycle.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.PersonDataExport;
import dev.rapport.people.PersonErased;
import dev.rapport.people.PersonId;
import dev.rapport.shared.ExportRows;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's stage history in their data export (with the stage and product line names), and gone
 * when they are erased: the history, the move locks, and the values of the history's audit rows.
 */
@Component
class LifecyclePrivacy implements PersonDataExport {

  private final JdbcClient jdbc;
  private final AuditLog audit;

  LifecyclePrivacy(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Override
  public Map<String, Object> sectionsAbout(List<PersonId> persons) {
    return Map.of(
        "stageHistory",
        ExportRows.plain(
            jdbc.sql(
                    """
                    select c.*, pl.name as product_line, f.name as from_stage, t.name as to_stage
                    from stage_change c
                    join product_line pl on pl.id = c.product_line_id
                    left join lifecycle_stage f on f.id = c.from_stage_id
                    join lifecycle_stage t on t.id = c.to_stage_id
                    where c.person_id in (:ids)
                    order by c.changed_at, c.id
                    """)
                .param("ids", persons.stream().map(PersonId::value).toList())
                .query()
                .listOfRows()));
  }

  /**
   * Synchronous, in the erasing transaction, on purpose (as for merges): an erasure is
   * all-or-nothing, so the person's rows and their stage history go together or not at all.
   */
  @EventListener
  @Transactional
  void on(PersonErased erased) {
    // the move locks first: a move or an entry still running for the person finishes before the
    // history is read, so its row is erased too
    jdbc.sql("delete from stage_lock where person_id in (:ids)")
        .param("ids", erased.ids())
        .update();
    List<Long> changes =
        jdbc.sql("select id from stage_change where person_id in (:ids)")
            .param("ids", erased.ids())
            .query(Long.class)
            .list();
    jdbc.sql("delete from stage_change where person_id in (:ids)")
        .param("ids", erased.ids())
        .update();
    audit.erase("stage_change", changes);
  }
}
