package dev.rapport.sales;

/**
 * One reason behind part of a lead score: what it says, the points it earned and the record that
 * shows it ({@code recordType} "touchpoint" or "mention" with its id; both null for fit reasons).
 */
public record LeadReason(String text, double points, String recordType, Long recordId) {}
