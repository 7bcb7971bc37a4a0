package dev.rapport.people;

/**
 * Published after two persons became one. Every feature that keeps rows by person moves the merged
 * person's rows to the survivor, keeping them all.
 */
public record PersonsMerged(PersonId survivor, PersonId merged, String reason) {}
