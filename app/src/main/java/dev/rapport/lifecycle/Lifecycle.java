package dev.rapport.lifecycle;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.List;

/**
 * The lifecycle facade: move persons between stages and ask where they stand, how long they stayed
 * and how many stand where. Bad input raises {@code InvalidInputException} naming the field.
 */
public interface Lifecycle {

  /** Appends a stage change now and publishes {@link StageChanged}. */
  StageChange move(PersonId person, long productLineId, long toStageId, ChangedBy by, String why);

  /** Appends a stage change at a given time (imports and demo data that carry their own dates). */
  StageChange moveAt(
      PersonId person, long productLineId, long toStageId, ChangedBy by, String why, Instant at);

  /** The workspace's active model with its stages in order. */
  LifecycleModel activeModel();

  /** Every model, the active one marked. */
  List<LifecycleModel> models();

  List<ProductLine> productLines();

  /** The current stage of the person in each product line they have entered. */
  List<CurrentStage> currentStages(PersonId person);

  /** The person's full history, newest first, across product lines. */
  List<StageChange> history(PersonId person);

  /** The person's stays per stage in one product line, oldest first, with entry and exit dates. */
  List<StageSpell> spells(PersonId person, long productLineId, Instant asOf);

  /** How many persons stand in each stage of the active model now, for one product line. */
  List<StageCount> counts(long productLineId);
}
