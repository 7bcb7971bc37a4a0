package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Changes to an open opportunity's fields; null parts stay as they are. {@code version}, when
 * given, must be the version the caller saw (else 409).
 */
public record OpportunityChanges(
    String name,
    BigDecimal amount,
    String currency,
    BigDecimal expectedMargin,
    LocalDate closeDate,
    Long ownerUserId,
    Integer version) {}
