package dev.rapport.sales;

import java.util.List;

/**
 * A stage of a pipeline: its probability in percent, forecast category, the days without a touch or
 * change after which a deal in it is stale, the gates a deal needs to enter it, and its outcome
 * (null for open stages; WON or LOST for the closing ones).
 */
public record PipelineStage(
    long id,
    long pipelineId,
    String name,
    int position,
    int probability,
    ForecastCategory forecastCategory,
    int staleAfterDays,
    List<Gate> requiredGates,
    DealStatus outcome) {

  public PipelineStage {
    requiredGates = List.copyOf(requiredGates);
  }

  public boolean open() {
    return outcome == null;
  }
}
