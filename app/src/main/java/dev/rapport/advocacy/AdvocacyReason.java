package dev.rapport.advocacy;

/**
 * One reason behind an advocacy score: what it says, the points it earned (negative for an unhappy
 * case) and the record that shows it ({@code recordType} "mention", "post", "referral",
 * "opportunity", "ask" or "case", with its id).
 */
public record AdvocacyReason(String text, int points, String recordType, String recordId) {}
