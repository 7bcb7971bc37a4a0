package dev.rapport.people;

/** What other features show of an account (company). */
public record AccountSummary(
    AccountId id,
    String name,
    String domain,
    String industry,
    Integer employees,
    String location,
    Long ownerUserId) {}
