package dev.rapport.sales;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.util.List;
import java.util.Optional;

/**
 * The opportunities facade: create deals, read them as the current user may (record visibility of
 * "opportunity": own, team or everyone), move them through their pipeline's stages behind the six
 * gates, and win or lose them. Refused input raises {@code InvalidInputException} naming each
 * field; a stage whose gates do not hold raises {@link GatesMissingException}; a lost race (the
 * version moved on) or a contradiction raises {@link DealConflictException}; a deal the user may
 * not see is {@code NotFoundException}. Changes are made as the current actor.
 */
public interface Opportunities {

  Opportunity create(NewOpportunity opportunity);

  /** The deal, if it exists and the current user may see it. */
  Optional<Opportunity> get(long id);

  /** The deal, or {@code NotFoundException} when it is missing or hidden. */
  Opportunity require(long id);

  /** Visible deals matching the filter, newest first (page from 0, size 1..500). */
  OpportunityPage list(OpportunityFilter filter, int page, int size);

  /** Every visible deal matching the filter (for boards and forecasts), capped at {@code max}. */
  List<Opportunity> all(OpportunityFilter filter, int max);

  /** Visible deals of the person (as primary or other person), newest first. */
  List<Opportunity> forPerson(PersonId person);

  /** Visible deals on the account, newest first. */
  List<Opportunity> forAccount(AccountId account);

  /**
   * Moves an open deal to another open stage of its pipeline, after checking the stage's gates.
   * {@code expectedVersion} (may be null) must match the deal's version.
   */
  Opportunity moveStage(long id, long stageId, Integer expectedVersion);

  /** Changes amount, close date and other fields; amount and close date changes are appended. */
  Opportunity change(long id, OpportunityChanges changes);

  /** Confirms a gate (not gate 5) with its evidence; confirming it twice is a conflict. */
  Opportunity confirmGate(long id, Gate gate, GateEvidence evidence);

  /** Withdraws a confirmed gate (the evidence did not hold up). */
  Opportunity reopenGate(long id, Gate gate);

  /** Adds the person as a stakeholder, or changes their role, criteria, stance and access. */
  Stakeholder putStakeholder(long id, NewStakeholder stakeholder);

  void removeStakeholder(long id, PersonId person);

  List<Stakeholder> stakeholders(long id);

  /** The deal's appended changes, oldest first. */
  List<DealChange> history(long id);

  /**
   * Wins the deal: the pipeline's Won stage (its gates checked), an order on the timeline of the
   * account and persons, the persons moved to the customer stage, and {@link DealWon} published.
   */
  Opportunity win(long id, long reasonId, String note, Integer expectedVersion);

  /**
   * Loses the deal: the Lost stage, and the persons back to a nurture stage if the model has one.
   */
  Opportunity lose(long id, long reasonId, String note, Integer expectedVersion);

  List<Pipeline> pipelines();

  Pipeline pipeline(long id);

  Pipeline defaultPipeline();

  /** The workspace's reasons for an outcome (WON or LOST); active ones only unless asked. */
  List<CloseReason> reasons(DealStatus outcome, boolean includeInactive);

  /** Open visible deals without a touch or change within their stage's limit, oldest first. */
  List<Opportunity> stale(Long ownerUserId, int limit);
}
