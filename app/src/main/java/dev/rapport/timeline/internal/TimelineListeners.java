package dev.rapport.timeline.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.PersonsMerged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows merges: the merged person's touchpoints move to the survivor (all of them, marked with
 * where they came from). The timeline listens to nothing else; features append through {@link
 * dev.rapport.timeline.Timeline}.
 */
@Component
class TimelineListeners {

  private final TimelineStore store;
  private final AuditLog audit;

  TimelineListeners(TimelineStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  /**
   * Synchronous, in the merging transaction, on purpose: a merge is all-or-nothing, so the person
   * rows, the stage history and the touchpoints move together or not at all. A durable listener
   * after the commit could leave touchpoints on a person that no longer exists.
   */
  @EventListener
  @Transactional
  void on(PersonsMerged merged) {
    int moved = store.reassignPerson(merged.merged(), merged.survivor());
    if (moved > 0) {
      audit.record(
          "touchpoint",
          "person:" + merged.merged(),
          AuditLog.Action.UPDATE,
          Map.of("person", merged.merged().value(), "rows", moved),
          Map.of("person", merged.survivor().value(), "rows", moved));
    }
  }
}
