package dev.rapport.listening.internal;

import dev.rapport.listening.MentionCaptured;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test helper: sees every MentionCaptured in the storing transaction, as another feature would. */
@Component
class CapturedMentions {
  final List<MentionCaptured> seen = new CopyOnWriteArrayList<>();

  @EventListener
  void on(MentionCaptured event) {
    seen.add(event);
  }
}
