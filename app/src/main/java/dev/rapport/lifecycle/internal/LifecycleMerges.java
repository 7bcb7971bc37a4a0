package dev.rapport.lifecycle.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.PersonsMerged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows merges in the merging transaction: the merged person's stage history moves to the
 * survivor, every row kept and marked with where it came from.
 */
@Component
class LifecycleMerges {

  private final LifecycleStore store;
  private final AuditLog audit;

  LifecycleMerges(LifecycleStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  /**
   * Synchronous, in the merging transaction, on purpose: a merge is all-or-nothing, so the person
   * rows, the touchpoints and the stage history move together or not at all. A durable listener
   * after the commit could leave history on a person that no longer exists.
   */
  @EventListener
  @Transactional
  void on(PersonsMerged merged) {
    int moved = store.reassignPerson(merged.merged(), merged.survivor());
    if (moved > 0) {
      audit.record(
          "stage_change",
          "person:" + merged.merged(),
          AuditLog.Action.UPDATE,
          Map.of("person", merged.merged().value(), "rows", moved),
          Map.of("person", merged.survivor().value(), "rows", moved));
    }
  }
}
