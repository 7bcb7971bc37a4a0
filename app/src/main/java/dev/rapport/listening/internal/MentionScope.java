package dev.rapport.listening.internal;

import dev.rapport.access.Actors;
import dev.rapport.access.RecordVisibility;
import dev.rapport.people.VisiblePersons;
import org.springframework.stereotype.Component;

/**
 * Which mentions the current user may see, as an SQL condition every mention query adds: a mention
 * is visible iff the user may see its author's person (people's visibility, a merged person as the
 * person it lives on now); a mention whose author has no person (not resolved yet, or deleted)
 * follows the workspace's visibility for {@code mention}: everyone sees it at "everyone", only
 * admins otherwise (it has no owner to be own or team of). Admins see every mention.
 */
@Component
class MentionScope {

  static final String TYPE = "mention";

  private final Actors actors;
  private final RecordVisibility visibility;
  private final VisiblePersons persons;

  MentionScope(Actors actors, RecordVisibility visibility, VisiblePersons persons) {
    this.actors = actors;
    this.visibility = visibility;
    this.persons = persons;
  }

  /** The condition on {@code listening_mention} (unaliased) for the current user. */
  VisiblePersons.Condition current() {
    return on("author_person_id");
  }

  /** The same condition on another table's author person column (brand-tag counts by author). */
  VisiblePersons.Condition on(String column) {
    boolean ownerless = visibility.visibleOwners(actors.current(), TYPE).isEmpty();
    return persons.authoredBy(column, ownerless);
  }
}
