package dev.rapport.sales;

import java.time.Instant;
import java.util.List;

/**
 * One gate on one opportunity: whether it holds, the evidence (free text and links to touchpoints
 * and mentions by id), and who confirmed it when. For the derived gate 5 the evidence names the
 * decision makers we have access to, and "who" is whoever last set such a stakeholder.
 */
public record GateState(
    int number,
    Gate gate,
    String label,
    boolean confirmed,
    boolean derived,
    String evidence,
    List<Long> touchpointIds,
    List<Long> mentionIds,
    Long confirmedByUserId,
    String confirmedBy,
    Instant confirmedAt) {

  public GateState {
    touchpointIds = touchpointIds == null ? List.of() : List.copyOf(touchpointIds);
    mentionIds = mentionIds == null ? List.of() : List.copyOf(mentionIds);
  }

  public static GateState open(Gate gate) {
    return new GateState(
        gate.number(),
        gate,
        gate.label(),
        false,
        gate.derived(),
        null,
        List.of(),
        List.of(),
        null,
        null,
        null);
  }
}
