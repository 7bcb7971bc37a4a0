package dev.rapport.people;

import java.util.List;

/**
 * A person's fit to the ideal customer profile as other features score with it: 0 to 100, whether
 * it reaches the workspace threshold, and one reason per profile rule.
 */
public record IcpFit(int score, boolean fits, List<String> reasons) {

  public IcpFit {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("a fit is 0 to 100: " + score);
    }
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
