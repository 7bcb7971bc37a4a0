package dev.rapport.people;

/**
 * Published when a person was deleted (with their identities), so features that remember persons by
 * identity forget them.
 */
public record PersonDeleted(PersonId person) {}
