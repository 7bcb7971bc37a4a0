package dev.rapport.timeline.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.lifecycle.StageChanged;
import dev.rapport.listening.MentionCaptured;
import dev.rapport.listening.MentionRevised;
import dev.rapport.people.PersonsMerged;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.TouchpointKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Follows the other features in their own transaction: a merge moves the merged person's
 * touchpoints to the survivor (all of them, marked with where they came from), and a stage change
 * becomes a touchpoint, so the change and its trace are stored together or not at all.
 */
@Component
class TimelineListeners {

  static final String STAGE_SOURCE = "lifecycle.stage_change";

  private final TimelineStore store;
  private final DefaultTimeline timeline;
  private final AuditLog audit;

  TimelineListeners(TimelineStore store, DefaultTimeline timeline, AuditLog audit) {
    this.store = store;
    this.timeline = timeline;
    this.audit = audit;
  }

  @EventListener
  @Transactional
  void on(PersonsMerged merged) {
    int moved = store.reassignPerson(merged.merged(), merged.survivor());
    if (moved > 0) {
      audit.record(
          "touchpoint",
          "person:" + merged.merged(),
          AuditLog.Action.UPDATE,
          Map.of("person", merged.merged().value(), "rows", moved),
          Map.of("person", merged.survivor().value(), "rows", moved));
    }
  }

  @EventListener
  @Transactional
  void on(StageChanged change) {
    String summary =
        change.productLine().name()
            + ": "
            + (change.fromStage() == null ? "entered " : change.fromStage().name() + " → ")
            + change.toStage().name()
            + (change.why() == null ? "" : " — " + change.why());
    timeline.append(
        NewTouchpoint.of(
            change.person(),
            null,
            TouchpointKind.STAGE_CHANGE,
            "lifecycle",
            null,
            change.at(),
            change.by().name(),
            summary.length() > TouchpointRules.MAX_SUMMARY
                ? summary.substring(0, TouchpointRules.MAX_SUMMARY)
                : summary,
            new SourceRef(STAGE_SOURCE, Long.toString(change.changeId()), null)));
  }

  static final String MENTION_SOURCE = "listening.mention";

  /**
   * A captured post becomes a touchpoint on its author's timeline, in the storing transaction.
   * Ingest captures posts by the hundred in one transaction, so they are gathered and written in
   * one batch just before it commits (a failure there rolls the whole batch back, as a failure here
   * would); outside a transaction, at once.
   */
  @EventListener
  void on(MentionCaptured mention) {
    NewTouchpoint t = touchpoint(mention);
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      timeline.append(t);
      return;
    }
    @SuppressWarnings("unchecked")
    List<NewTouchpoint> pending =
        (List<NewTouchpoint>) TransactionSynchronizationManager.getResource(PENDING_MENTIONS);
    if (pending == null) {
      List<NewTouchpoint> batch = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(PENDING_MENTIONS, batch);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              TransactionSynchronizationManager.unbindResource(PENDING_MENTIONS);
              timeline.appendAll(batch);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_MENTIONS);
            }
          });
      pending = batch;
    }
    pending.add(t);
  }

  /** An edited post's touchpoint shows the new text; a deleted one's says it was deleted. */
  @EventListener
  void on(MentionRevised revised) {
    String summary;
    if (revised.deleted()) {
      summary = "(deleted by its author)";
    } else {
      String text = CONTROL.matcher(revised.text()).replaceAll(" ").strip();
      summary = text.isEmpty() ? "(a post without text)" : text;
      if (summary.length() > TouchpointRules.MAX_SUMMARY) {
        summary = summary.substring(0, TouchpointRules.MAX_SUMMARY);
      }
    }
    store.reviseSummary(MENTION_SOURCE, Long.toString(revised.mentionId()), summary);
  }

  /** The key of a transaction's captured posts waiting to be written. */
  private static final Object PENDING_MENTIONS = new Object();

  private static NewTouchpoint touchpoint(MentionCaptured mention) {
    String text = CONTROL.matcher(mention.text()).replaceAll(" ").strip();
    String summary = text.isEmpty() ? "(a post without text)" : text;
    String url = mention.url();
    if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
      url = null;
    }
    Instant now = Instant.now();
    return NewTouchpoint.of(
        mention.author(),
        null,
        TouchpointKind.POST,
        mention.network(),
        Direction.IN,
        mention.createdAt().isAfter(now) ? now : mention.createdAt(),
        null,
        summary.length() > TouchpointRules.MAX_SUMMARY
            ? summary.substring(0, TouchpointRules.MAX_SUMMARY)
            : summary,
        new SourceRef(MENTION_SOURCE, Long.toString(mention.mentionId()), url));
  }

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
}
