package dev.rapport.sales;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An opportunity as the facade answers it: money, dates, owner, account and persons, where it
 * stands in its pipeline (with the stage's probability and forecast category), its six gates in
 * order, whether it is stale, and the version a change must name to win a race.
 */
public record Opportunity(
    long id,
    String name,
    long pipelineId,
    String pipelineName,
    long stageId,
    String stageName,
    int probability,
    ForecastCategory forecastCategory,
    DealStatus status,
    BigDecimal amount,
    String currency,
    BigDecimal expectedMargin,
    LocalDate closeDate,
    Long ownerUserId,
    String ownerName,
    AccountId account,
    String accountName,
    PersonId primaryPerson,
    String primaryPersonName,
    List<PersonId> persons,
    DealSource source,
    String sourceRef,
    Long productLineId,
    CloseReason closeReason,
    String closeNote,
    Instant closedAt,
    List<GateState> gates,
    boolean stale,
    Instant stageEnteredAt,
    Instant lastActivityAt,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  public Opportunity {
    persons = List.copyOf(persons);
    gates = List.copyOf(gates);
  }

  /** amount × probability, to the cent. */
  public BigDecimal weightedAmount() {
    return amount
        .multiply(BigDecimal.valueOf(probability))
        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  /** How many of the six gates hold. */
  public long gatesHeld() {
    return gates.stream().filter(GateState::confirmed).count();
  }

  public GateState gate(Gate gate) {
    return gates.get(gate.number() - 1);
  }

  /** The gates of the list that do not hold on this deal, in order. */
  public List<Gate> missing(List<Gate> required) {
    return required.stream().filter(g -> !gate(g).confirmed()).toList();
  }
}
