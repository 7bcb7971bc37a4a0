package dev.rapport.care;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.Objects;

/**
 * Published once, after the commit, when a support case is closed. Advocacy makes a happily served
 * person an advocate candidate; an unhappy outcome marks churn risk. {@code account} may be null.
 */
public record CaseClosed(
    long caseId, PersonId person, AccountId account, Outcome outcome, Instant closedAt) {

  /** How the case ended. */
  public enum Outcome {
    RESOLVED_HAPPY,
    RESOLVED_UNHAPPY,
    NO_ANSWER
  }

  public CaseClosed {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(closedAt, "closedAt");
  }
}
