package dev.rapport.sales.touch;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What a person's keep-in-touch panel and API show: cadence, last touch, next due, snoozes. */
@Component
class TouchPanel {

  /** The person's keep-in-touch state; {@code everyDays} null when no cadence applies. */
  record View(
      long person,
      Integer ownDays,
      Integer everyDays,
      boolean fromStage,
      Instant lastTouchAt,
      Instant dueAt,
      Instant snoozedUntil,
      boolean overdue,
      List<TouchStore.Snooze> snoozes) {}

  private final TouchStore store;

  TouchPanel(TouchStore store) {
    this.store = store;
  }

  @Transactional(readOnly = true)
  View view(PersonId person, Instant now) {
    var row = store.find(person);
    List<TouchStore.Snooze> snoozes = store.snoozes(person, 10);
    if (row.isEmpty()) {
      return new View(person.value(), null, null, false, null, null, null, false, snoozes);
    }
    var r = row.get();
    Integer days = Cadences.effectiveDays(r, store.stageCadences());
    return new View(
        person.value(),
        r.everyDays(),
        days,
        r.everyDays() == null && days != null,
        r.lastTouchAt(),
        r.dueAt(),
        r.snoozedUntil(),
        r.dueAt() != null && r.dueAt().isBefore(Due.startOfDay(now)),
        snoozes);
  }
}
