package dev.rapport.advocacy;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A person's advocacy score, 0 to 100, with every reason behind it, as of an instant. */
public record AdvocacyScore(
    PersonId person, int total, List<AdvocacyReason> reasons, Instant asOf) {

  public AdvocacyScore {
    reasons = List.copyOf(reasons);
  }

  /** The strongest reason, for lists and for the advocates list's "why". */
  public String headline() {
    return reasons.stream()
        .filter(r -> r.points() > 0)
        .max(Comparator.comparingInt(AdvocacyReason::points))
        .map(AdvocacyReason::text)
        .orElse("no signal yet");
  }
}
