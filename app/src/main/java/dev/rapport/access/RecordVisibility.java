package dev.rapport.access;

import java.util.Optional;
import java.util.Set;

/**
 * Decides which owned records an actor may see, per object type ("person", "account", ...), from
 * the workspace's setting: own, team or everyone. Records without an owner are visible to all.
 */
public interface RecordVisibility {

  /**
   * The owner user ids whose records the actor may see, or empty when the actor may see every
   * record of that type.
   */
  Optional<Set<Long>> visibleOwners(Actor actor, String objectType);

  default boolean canSee(Actor actor, String objectType, Long ownerUserId) {
    if (ownerUserId == null) {
      return true;
    }
    return visibleOwners(actor, objectType).map(ids -> ids.contains(ownerUserId)).orElse(true);
  }
}
