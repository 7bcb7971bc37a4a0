package dev.rapport.sales;

/** A reason a deal was won or lost, from the workspace's editable list. */
public record CloseReason(
    long id, DealStatus outcome, String label, int position, boolean active) {}
