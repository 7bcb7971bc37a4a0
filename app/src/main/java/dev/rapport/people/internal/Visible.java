package dev.rapport.people.internal;

import dev.rapport.access.Actors;
import dev.rapport.access.RecordVisibility;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Asks access which owners' persons and accounts the current actor may see. */
@Component
class Visible {

  static final String PERSON = "person";
  static final String ACCOUNT = "account";

  private final Actors actors;
  private final RecordVisibility visibility;

  Visible(Actors actors, RecordVisibility visibility) {
    this.actors = actors;
    this.visibility = visibility;
  }

  Optional<Set<Long>> owners(String objectType) {
    return visibility.visibleOwners(actors.current(), objectType);
  }

  boolean canSee(String objectType, Long ownerUserId) {
    return visibility.canSee(actors.current(), objectType, ownerUserId);
  }
}
