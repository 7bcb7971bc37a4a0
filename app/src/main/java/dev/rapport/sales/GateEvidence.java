package dev.rapport.sales;

import java.util.List;

/** What a seller gives to confirm a gate: free text and optional touchpoint and mention ids. */
public record GateEvidence(String text, List<Long> touchpointIds, List<Long> mentionIds) {

  public GateEvidence {
    touchpointIds = touchpointIds == null ? List.of() : List.copyOf(touchpointIds);
    mentionIds = mentionIds == null ? List.of() : List.copyOf(mentionIds);
  }
}
