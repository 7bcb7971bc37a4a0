package dev.rapport.sales;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Raised when a deal may not enter a stage because gates it requires do not hold; the message names
 * each missing gate. The API answers 422 with the gates listed.
 */
public class GatesMissingException extends RuntimeException {

  private final long opportunityId;
  private final String stage;
  private final List<Gate> missing;

  public GatesMissingException(long opportunityId, String stage, List<Gate> missing) {
    super(
        "deal #"
            + opportunityId
            + " cannot enter '"
            + stage
            + "': "
            + missing.stream().map(Gate::named).collect(Collectors.joining(", "))
            + (missing.size() == 1 ? " does" : " do")
            + " not hold yet");
    this.opportunityId = opportunityId;
    this.stage = stage;
    this.missing = List.copyOf(missing);
  }

  public long opportunityId() {
    return opportunityId;
  }

  public String stage() {
    return stage;
  }

  public List<Gate> missing() {
    return missing;
  }
}
