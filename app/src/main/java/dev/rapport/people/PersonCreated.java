package dev.rapport.people;

/**
 * Published when a person was created, with where they came from ("api", "import", "listening",
 * "demo"), so other features can start their records for them.
 */
public record PersonCreated(PersonId person, String source) {}
