package dev.rapport.listening.internal;

import dev.rapport.listening.MentionCaptured;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces a batch of newly stored mentions, in the storing transaction: each becomes a post on
 * its author's timeline (one batch append for the whole batch) and a {@link MentionCaptured} for
 * whoever reacts to mentions.
 */
@Component
class MentionTouchpoints {

  static final String MENTION_SOURCE = "listening.mention";
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final Timeline timeline;
  private final ApplicationEventPublisher events;

  MentionTouchpoints(Timeline timeline, ApplicationEventPublisher events) {
    this.timeline = timeline;
    this.events = events;
  }

  void captured(List<MentionCaptured> mentions) {
    if (mentions.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    timeline.appendAll(mentions.stream().map(m -> touchpoint(m, now)).toList());
    mentions.forEach(events::publishEvent);
  }

  static NewTouchpoint touchpoint(MentionCaptured mention, Instant now) {
    String text = CONTROL.matcher(mention.text()).replaceAll(" ").strip();
    String url = mention.url();
    if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
      url = null;
    }
    return NewTouchpoint.of(
        mention.author(),
        null,
        TouchpointKind.POST,
        mention.network(),
        Direction.IN,
        mention.createdAt().isAfter(now) ? now : mention.createdAt(),
        null,
        NewTouchpoint.clip(text.isEmpty() ? "(a post without text)" : text),
        new SourceRef(MENTION_SOURCE, Long.toString(mention.mentionId()), url));
  }
}
