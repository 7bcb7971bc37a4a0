package dev.rapport.sales;

import java.time.Instant;

/** One appended change of an opportunity: STAGE, AMOUNT, CLOSE_DATE or STATUS, from → to. */
public record DealChange(
    long id,
    long opportunityId,
    String field,
    String from,
    String to,
    Long byUserId,
    String by,
    Instant at) {}
