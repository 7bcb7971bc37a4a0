package dev.rapport.sales;

import java.util.List;

/** One part of a lead score (fit, engagement or intent): its points out of its cap, and why. */
public record LeadScorePart(String name, int points, int max, List<LeadReason> reasons) {

  public LeadScorePart {
    reasons = List.copyOf(reasons);
  }
}
