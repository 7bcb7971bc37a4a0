package dev.rapport.sales;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A person's lead score, 0 to 100: fit plus engagement plus intent, each part with its reasons and
 * the records behind them, computed as of an instant (decay counts from there).
 */
public record LeadScore(
    PersonId person,
    int total,
    LeadScorePart fit,
    LeadScorePart engagement,
    LeadScorePart intent,
    Instant asOf,
    Instant lastIntentAt) {

  public List<LeadScorePart> parts() {
    return List.of(fit, engagement, intent);
  }

  /**
   * The reason a person would recognise first: the strongest intent, else the strongest engagement,
   * else the fit; used in the lifecycle history when a threshold moves the person.
   */
  public String headline() {
    return Stream.of(intent, engagement, fit)
        .map(
            p ->
                p.reasons().stream()
                    .filter(r -> r.points() > 0)
                    .max(Comparator.comparingDouble(LeadReason::points)))
        .flatMap(java.util.Optional::stream)
        .findFirst()
        .map(LeadReason::text)
        .orElse("no signal yet");
  }
}
