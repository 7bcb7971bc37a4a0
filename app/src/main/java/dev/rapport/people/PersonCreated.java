package dev.rapport.people;

import java.util.Objects;

/**
 * Published when a person was created, with how they came ({@code origin}) and, when they came with
 * a social identity, on which {@code network} (else null), so other features can start their
 * records for them: lifecycle gives them their entry stage.
 */
public record PersonCreated(PersonId person, Origin origin, Network network) {

  /** How a person came to be known: heard in a post, imported, or added by hand (UI or API). */
  public enum Origin {
    LISTENING,
    IMPORT,
    MANUAL
  }

  public PersonCreated {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(origin, "origin");
  }
}
