package dev.rapport.advocacy.internal;

import dev.rapport.advocacy.AdvocacyReason;
import dev.rapport.advocacy.AdvocacyScore;
import dev.rapport.people.PersonId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a person's advocacy score from their signals: each record earns its kind's points until
 * the kind's cap (newest records first), the total is kept between 0 and 100. A score that changed
 * is appended as a new row with its reasons (never overwritten, like lead scores), and a score at
 * or over the workspace's threshold puts the person on the advocates list.
 */
@Service
class AdvocacyScoring {

  private final AdvocacyStore store;

  AdvocacyScoring(AdvocacyStore store) {
    this.store = store;
  }

  /** The score as the signals give it now; not stored. */
  static AdvocacyScore compute(PersonId person, List<Signal> signals, Instant asOf) {
    Map<Signal.Kind, Integer> sums = new EnumMap<>(Signal.Kind.class);
    List<AdvocacyReason> reasons = new ArrayList<>();
    int total = 0;
    for (Signal s : signals) {
      int sum = sums.getOrDefault(s.kind(), 0);
      int points = s.kind().points;
      int capped =
          points >= 0 ? Math.min(points, s.kind().cap - sum) : Math.max(points, s.kind().cap - sum);
      sums.put(s.kind(), sum + capped);
      total += capped;
      reasons.add(new AdvocacyReason(s.text(), capped, s.recordType(), s.recordId()));
    }
    return new AdvocacyScore(person, Math.max(0, Math.min(100, total)), reasons, asOf);
  }

  /** The stored score, or the one the signals give now when none was stored yet. */
  AdvocacyScore current(PersonId person) {
    return store.latest(person).orElseGet(() -> compute(person, store.signals(person), now()));
  }

  /**
   * Recomputes and appends the score when it or its reasons changed, keeps the list's copy current
   * and enlists the person once the score reaches the threshold. Returns the score.
   */
  @Transactional
  AdvocacyScore rescore(PersonId person, String cause) {
    AdvocacyScore s = compute(person, store.signals(person), now());
    Optional<AdvocacyScore> before = store.latest(person);
    if (before.isEmpty()
        || before.get().total() != s.total()
        || !before.get().reasons().equals(s.reasons())) {
      store.append(s, cause);
    }
    store.updateScore(person, s.total());
    int threshold = store.settings().threshold();
    if (s.total() >= threshold && !s.reasons().isEmpty()) {
      store.enlist(
          person,
          "ADVOCATE",
          "score " + s.total() + " reached " + threshold,
          s.headline(),
          s.total(),
          s.asOf());
      store.updateScore(person, s.total());
    }
    return s;
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
