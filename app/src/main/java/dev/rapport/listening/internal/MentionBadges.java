package dev.rapport.listening.internal;

import dev.rapport.listening.MentionCaptured;
import dev.rapport.people.VisiblePersons;
import dev.rapport.shared.Badge;
import dev.rapport.shared.TouchpointBadges;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a captured post's readings on its touchpoint in the author's timeline: sentiment, intents
 * and life events as badges, their evidence words to highlight, and a link to the mention page. The
 * timeline stays a sink that knows nothing of listening. Ingest stores posts by the hundred in one
 * transaction, so the badges are gathered and written in one batch just before it commits.
 */
@Component
class MentionBadges {

  /** The source type the timeline files a captured post under. */
  static final String SOURCE_TYPE = "listening.mention";

  private static final Object PENDING = new Object();

  private final MentionStore mentions;
  private final MentionViews views;
  private final TouchpointBadges badges;

  MentionBadges(MentionStore mentions, MentionViews views, TouchpointBadges badges) {
    this.mentions = mentions;
    this.views = views;
    this.badges = badges;
  }

  @EventListener
  void on(MentionCaptured captured) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(List.of(captured.mentionId()));
      return;
    }
    @SuppressWarnings("unchecked")
    List<Long> pending = (List<Long>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      List<Long> batch = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(PENDING, batch);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              TransactionSynchronizationManager.unbindResource(PENDING);
              write(batch);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
          });
      pending = batch;
    }
    pending.add(captured.mentionId());
  }

  private void write(List<Long> ids) {
    List<TouchpointBadges.Badges> out = new ArrayList<>();
    List<MentionStore.Mention> found = mentions.byIds(VisiblePersons.Condition.ALL, ids);
    List<PostReadings.Read> read = views.readings(found);
    for (int i = 0; i < found.size(); i++) {
      out.add(of(read.get(i), found.get(i).id()));
    }
    badges.putAll(out);
  }

  static TouchpointBadges.Badges of(PostReadings.Read read, long mentionId) {
    List<Badge> list = new ArrayList<>();
    for (PostReadings.Chip c : read.chips()) {
      String label = c.value() == null ? c.label() : c.label() + " " + c.value();
      list.add(new Badge(c.kind().equals("rule") ? "Rule: " + label : label, c.tone(), c.why()));
    }
    List<String> words = new ArrayList<>();
    for (PostReadings.Proof p : read.proofs()) {
      if (!p.text().isBlank() && !words.contains(p.text())) {
        words.add(p.text());
      }
    }
    return new TouchpointBadges.Badges(
        SOURCE_TYPE, Long.toString(mentionId), "/listening/mentions/" + mentionId, list, words);
  }
}
