package dev.rapport.sales.deals;

import dev.rapport.people.PersonId;
import dev.rapport.sales.CloseReason;
import dev.rapport.sales.DealSource;
import dev.rapport.sales.DealStatus;
import dev.rapport.sales.ForecastCategory;
import dev.rapport.sales.GateState;
import dev.rapport.sales.Opportunity;
import dev.rapport.sales.Stakeholder;
import dev.rapport.sales.StakeholderRole;
import dev.rapport.sales.Stance;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The API's shapes of deals: plain ids instead of typed ones. */
final class DealJson {

  private DealJson() {}

  record GateJson(
      int number,
      String key,
      String label,
      boolean confirmed,
      boolean derived,
      String evidence,
      List<Long> touchpointIds,
      List<Long> mentionIds,
      Long confirmedByUserId,
      String confirmedBy,
      Instant confirmedAt) {
    static GateJson of(GateState g) {
      return new GateJson(
          g.number(),
          g.gate().name(),
          g.label(),
          g.confirmed(),
          g.derived(),
          g.evidence(),
          g.touchpointIds(),
          g.mentionIds(),
          g.confirmedByUserId(),
          g.confirmedBy(),
          g.confirmedAt());
    }
  }

  record OpportunityJson(
      long id,
      String name,
      long pipelineId,
      String pipeline,
      long stageId,
      String stage,
      int probability,
      ForecastCategory forecastCategory,
      DealStatus status,
      BigDecimal amount,
      String currency,
      BigDecimal expectedMargin,
      BigDecimal weightedAmount,
      LocalDate closeDate,
      Long ownerUserId,
      String owner,
      Long accountId,
      String account,
      Long primaryPersonId,
      String primaryPerson,
      List<Long> personIds,
      DealSource source,
      String sourceRef,
      Long productLineId,
      CloseReason closeReason,
      String closeNote,
      Instant closedAt,
      List<GateJson> gates,
      boolean stale,
      Instant stageEnteredAt,
      Instant lastActivityAt,
      Instant createdAt,
      Instant updatedAt,
      int version) {
    static OpportunityJson of(Opportunity o) {
      return new OpportunityJson(
          o.id(),
          o.name(),
          o.pipelineId(),
          o.pipelineName(),
          o.stageId(),
          o.stageName(),
          o.probability(),
          o.forecastCategory(),
          o.status(),
          o.amount(),
          o.currency(),
          o.expectedMargin(),
          o.weightedAmount(),
          o.closeDate(),
          o.ownerUserId(),
          o.ownerName(),
          o.account() == null ? null : o.account().value(),
          o.accountName(),
          o.primaryPerson() == null ? null : o.primaryPerson().value(),
          o.primaryPersonName(),
          o.persons().stream().map(PersonId::value).toList(),
          o.source(),
          o.sourceRef(),
          o.productLineId(),
          o.closeReason(),
          o.closeNote(),
          o.closedAt(),
          o.gates().stream().map(GateJson::of).toList(),
          o.stale(),
          o.stageEnteredAt(),
          o.lastActivityAt(),
          o.createdAt(),
          o.updatedAt(),
          o.version());
    }
  }

  record StakeholderJson(
      long id,
      long opportunityId,
      long personId,
      String person,
      StakeholderRole role,
      String criteria,
      Stance stance,
      boolean access,
      String by,
      Instant updatedAt) {
    static StakeholderJson of(Stakeholder s) {
      return new StakeholderJson(
          s.id(),
          s.opportunityId(),
          s.person().value(),
          s.personName(),
          s.role(),
          s.criteria(),
          s.stance(),
          s.access(),
          s.by(),
          s.updatedAt());
    }
  }
}
