package dev.rapport.sales.touch;

import dev.rapport.lifecycle.StageChanged;
import dev.rapport.listening.MentionCaptured;
import dev.rapport.people.PersonDeleted;
import dev.rapport.people.PersonsMerged;
import dev.rapport.timeline.TouchpointAdded;
import dev.rapport.timeline.TouchpointKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Any touchpoint resets a cadence: the timeline's new touchpoints and captured mentions (which
 * reach the timeline in bulk, without the timeline's event) restart the count; stage changes bring
 * a stage's cadence. Durable listeners, idempotent (a touch never moves the last touch back).
 */
@Component
class TouchListeners {

  private final Cadences cadences;
  private final TouchStore store;

  TouchListeners(Cadences cadences, TouchStore store) {
    this.cadences = cadences;
    this.store = store;
  }

  @ApplicationModuleListener
  void on(TouchpointAdded touchpoint) {
    if (touchpoint.kind() != TouchpointKind.STAGE_CHANGE) {
      cadences.touched(touchpoint.person(), touchpoint.occurredAt());
    }
  }

  @ApplicationModuleListener
  void on(MentionCaptured mention) {
    cadences.touched(mention.author(), mention.createdAt());
  }

  @ApplicationModuleListener
  void on(StageChanged change) {
    cadences.staged(change.person(), change.toStage().id());
  }

  @ApplicationModuleListener
  void on(PersonsMerged merged) {
    store.moveRows(merged.merged(), merged.survivor());
    store.forget(merged.merged());
  }

  @ApplicationModuleListener
  void on(PersonDeleted deleted) {
    store.forget(deleted.person());
  }
}
