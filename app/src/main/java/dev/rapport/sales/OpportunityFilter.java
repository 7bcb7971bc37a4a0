package dev.rapport.sales;

import java.time.YearMonth;

/**
 * Which opportunities a list shows; every part is optional. {@code teamId} keeps deals owned by a
 * member of the team; {@code closeMonth} keeps deals closing in that month; {@code staleOnly} keeps
 * open deals without a touch or change within their stage's limit.
 */
public record OpportunityFilter(
    Long ownerUserId,
    Long teamId,
    Long pipelineId,
    Long stageId,
    YearMonth closeMonth,
    DealStatus status,
    boolean staleOnly) {

  public static final OpportunityFilter ALL =
      new OpportunityFilter(null, null, null, null, null, null, false);
}
