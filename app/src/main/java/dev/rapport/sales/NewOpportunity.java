package dev.rapport.sales;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An opportunity to create. Null pipeline: the default one; null stage: its first stage; null
 * owner: the current user; null product line: the first. The facade checks everything and names
 * each refused field.
 */
public record NewOpportunity(
    String name,
    Long pipelineId,
    Long stageId,
    BigDecimal amount,
    String currency,
    BigDecimal expectedMargin,
    LocalDate closeDate,
    Long ownerUserId,
    AccountId account,
    PersonId primaryPerson,
    List<PersonId> otherPersons,
    DealSource source,
    String sourceRef,
    Long productLineId) {

  public NewOpportunity {
    otherPersons = otherPersons == null ? List.of() : List.copyOf(otherPersons);
  }
}
