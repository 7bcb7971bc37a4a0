package dev.rapport.people;

import java.util.Optional;

/**
 * The ideal customer profile as other features need it: whether a person fits it (a prospect) or
 * not yet (a suspect). Not filtered by the current user, for work that runs without one.
 */
public interface IdealCustomers {

  /** True when the person's fit reaches the workspace threshold; empty for an unknown person. */
  Optional<Boolean> fits(PersonId person);

  /**
   * The person's fit with its reasons, as the person's page shows it; empty for an unknown person.
   */
  Optional<IcpFit> fit(PersonId person);
}
