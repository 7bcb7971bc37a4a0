package dev.rapport.collab.internal;

import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.StageChanged;
import dev.rapport.people.PersonDeleted;
import dev.rapport.people.PersonErased;
import dev.rapport.people.PersonsMerged;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the feed hears: a person's stage change becomes an entry of their feed ("Stage changed from
 * A to B by X") and notifies the followers, durably and once per change (a redelivered event finds
 * the entry by its source key). Merges and erasures follow people as the timeline does.
 */
@Component
class CollabListeners {

  static final String STAGE_SOURCE = "lifecycle.stage:";

  private final Feeds feeds;
  private final FeedStore store;
  private final Users users;

  CollabListeners(Feeds feeds, FeedStore store, Users users) {
    this.feeds = feeds;
    this.store = store;
    this.users = users;
  }

  /**
   * A stage change after the mover's commit. A person's first stage (entering the lifecycle) is not
   * a change from one stage to another and is left to the timeline.
   */
  @ApplicationModuleListener
  void on(StageChanged change) {
    if (change.fromStage() == null) {
      return;
    }
    Optional<User> mover =
        change.by().kind() == ChangedBy.Kind.USER
            ? users.byUsername(change.by().name())
            : Optional.empty();
    String by =
        switch (change.by().kind()) {
          case USER -> mover.map(Feeds::name).orElse(change.by().name());
          case RULE -> "rule " + change.by().name();
          case IMPORT -> "import " + change.by().name();
        };
    String body =
        "Stage changed from "
            + change.fromStage().name()
            + " to "
            + change.toStage().name()
            + " ("
            + change.productLine().name()
            + ") by "
            + by
            + (change.why() == null || change.why().isBlank() ? "" : ": " + change.why());
    feeds.post(
        SubjectType.PERSON,
        change.person().value(),
        FeedStore.Kind.STAGE_CHANGE,
        body.length() > CommentText.MAX ? body.substring(0, CommentText.MAX) : body,
        mover.map(User::id).orElse(null),
        by,
        STAGE_SOURCE + change.changeId(),
        change.at());
  }

  // Synchronous on purpose: a merge moves every feature's rows about the person in one transaction.
  @EventListener
  void on(PersonsMerged merged) {
    store.move(SubjectType.PERSON, merged.merged().value(), merged.survivor().value());
  }

  // Synchronous on purpose: an erasure removes everything about the person or nothing.
  @EventListener
  void on(PersonErased erased) {
    store.forget(SubjectType.PERSON, erased.ids());
  }

  @ApplicationModuleListener
  void on(PersonDeleted deleted) {
    store.forget(SubjectType.PERSON, List.of(deleted.person().value()));
  }
}
