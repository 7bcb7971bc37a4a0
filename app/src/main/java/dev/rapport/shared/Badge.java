package dev.rapport.shared;

/**
 * A labelled chip shown on a record another feature owns (a touchpoint): a label ("Positive
 * +0.62"), a tone the page colours it by (positive, negative, neutral, trigger, caution, rule,
 * info) and a hint saying why.
 */
public record Badge(String label, String tone, String hint) {}
