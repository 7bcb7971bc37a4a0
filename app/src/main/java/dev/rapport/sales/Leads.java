package dev.rapport.sales;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The leads facade: lists of leads the current user may see, a person's explained score, and the
 * thresholds that move people forward. Bad input raises {@code InvalidInputException}.
 */
public interface Leads {

  /** How a lead list is ordered. */
  enum Sort {
    SCORE,
    INTENT
  }

  /** Leads (persons standing in a lead stage) the current user may see, best first. */
  List<LeadRow> list(Sort sort, int limit);

  /** Visible leads a threshold moved since the instant, newest first. */
  List<LeadRow> crossedSince(Instant since, int limit);

  /** The person's latest stored score, if they were ever scored (callers check visibility). */
  Optional<LeadScore> score(PersonId person);

  /** Score rows appended for the person, newest first. */
  List<LeadScoreChange> history(PersonId person, int limit);

  /** Recomputes now and returns the score (idempotent: an unchanged score appends nothing). */
  LeadScore rescore(PersonId person, String cause);

  /**
   * Makes the person a lead by hand: gives them the source and moves them into the lead stage of
   * the active lifecycle model (the stage named like "lead", else the first lead stage) with the
   * reason {@code why}. Refused (field {@code person}) when they already stand there or beyond.
   */
  LeadMade makeLead(PersonId person, LeadSource source, String sourceDetail, String why);
}
