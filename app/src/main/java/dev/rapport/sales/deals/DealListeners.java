package dev.rapport.sales.deals;

import dev.rapport.timeline.TouchpointAdded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A touch on a deal's person keeps the deal from going stale: each new touchpoint moves the
 * last-activity time of the person's open deals forward (never back, so a redelivered event changes
 * nothing).
 */
@Component
class DealListeners {

  private final DealStore store;

  DealListeners(DealStore store) {
    this.store = store;
  }

  @ApplicationModuleListener
  void on(TouchpointAdded event) {
    if (event.person() != null && event.occurredAt() != null) {
      java.time.Instant now = java.time.Instant.now();
      store.touchedBy(
          event.person().value(), null, event.occurredAt().isAfter(now) ? now : event.occurredAt());
    }
  }
}
