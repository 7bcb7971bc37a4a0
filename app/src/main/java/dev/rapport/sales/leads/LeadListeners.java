package dev.rapport.sales.leads;

import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.StageChanged;
import dev.rapport.listening.MentionCaptured;
import dev.rapport.people.PersonDeleted;
import dev.rapport.people.PersonsMerged;
import dev.rapport.sales.LeadSource;
import dev.rapport.timeline.TouchpointAdded;
import dev.rapport.timeline.TouchpointKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps scores current: a new mention, a new touchpoint or a stage change recomputes the person's
 * score through the event publication registry (after the publisher's commit, retried after a
 * crash); merges move the rows to the survivor and deletions forget the lead.
 */
@Component
class LeadListeners {

  private final LeadScoring scoring;
  private final LeadStore store;

  LeadListeners(LeadScoring scoring, LeadStore store) {
    this.scoring = scoring;
    this.store = store;
  }

  @ApplicationModuleListener
  void on(MentionCaptured mention) {
    scoring.rescore(
        mention.author(),
        "mention " + mention.mentionId(),
        LeadSource.LISTENING_RULE,
        mention.ruleIds().isEmpty() ? null : "rule " + String.join(", ", mention.ruleIds()));
  }

  @ApplicationModuleListener
  void on(TouchpointAdded touchpoint) {
    scoring.rescore(
        touchpoint.person(),
        "touchpoint " + touchpoint.touchpointId(),
        source(touchpoint.kind()),
        null);
  }

  /**
   * The source a touchpoint gives a lead that has none yet. A heard post reaches the timeline as
   * its own touchpoint, and that event may be delivered before {@link MentionCaptured}: both must
   * name listening, or the lead's source depends on which listener ran first.
   */
  static LeadSource source(TouchpointKind kind) {
    return switch (kind) {
      case REFERRAL -> LeadSource.REFERRAL;
      case MENTION, POST -> LeadSource.LISTENING_RULE;
      default -> LeadSource.MANUAL;
    };
  }

  @ApplicationModuleListener
  void on(StageChanged change) {
    if (change.by().equals(LeadScoring.BY)) {
      return; // the score moved them and has recorded the stage already
    }
    boolean leadStage = change.toStage().countsAs() == CountsAs.CONSIDERATION;
    if (!leadStage && store.source(change.person()).isEmpty()) {
      return; // not a lead and never scored: nothing to keep current
    }
    scoring.rescore(
        change.person(), "stage change " + change.changeId(), source(change.by()), null);
  }

  @ApplicationModuleListener
  void on(PersonsMerged merged) {
    store.moveRows(merged.merged(), merged.survivor());
    scoring.rescore(merged.survivor(), "merge", LeadSource.MANUAL, null);
  }

  @ApplicationModuleListener
  void on(PersonDeleted deleted) {
    store.forget(deleted.person());
  }

  static LeadSource source(ChangedBy by) {
    return by.kind() == ChangedBy.Kind.IMPORT ? LeadSource.IMPORT : LeadSource.MANUAL;
  }
}
