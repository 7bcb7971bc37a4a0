package dev.rapport.sales.touch;

import dev.rapport.people.Persons;
import dev.rapport.sales.KeepInTouch;
import dev.rapport.sales.KeepInTouchDue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers {@link KeepInTouch} from the kept due dates, filtered by the person's visibility. */
@Service
class KeepInTouchFacade implements KeepInTouch {

  static final int MAX_LIMIT = 500;

  private final TouchStore store;
  private final Persons persons;

  KeepInTouchFacade(TouchStore store, Persons persons) {
    this.store = store;
    this.persons = persons;
  }

  @Override
  @Transactional(readOnly = true)
  public List<KeepInTouchDue> due(long ownerUserId, Instant now, int limit) {
    Instant today = Due.startOfDay(now);
    Map<Long, Integer> stageCadences = store.stageCadences();
    return store
        .dueBefore(ownerUserId, Due.endOfDay(now), Math.max(1, Math.min(limit, MAX_LIMIT)))
        .stream()
        .flatMap(
            r ->
                persons.find(r.person()).stream()
                    .map(
                        p ->
                            new KeepInTouchDue(
                                r.person(),
                                p.name(),
                                Cadences.effectiveDays(r, stageCadences),
                                r.lastTouchAt(),
                                r.dueAt(),
                                r.dueAt().isBefore(today))))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public long dueCount(long ownerUserId, Instant now) {
    return store.countDueBefore(ownerUserId, Due.endOfDay(now));
  }
}
