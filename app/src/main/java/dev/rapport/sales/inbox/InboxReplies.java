package dev.rapport.sales.inbox;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.listening.MentionDetails;
import dev.rapport.listening.MentionReplies;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers an item: posted on Mastodon or Bluesky when the source that heard the post holds
 * credentials, else kept as a draft with the link that opens the post, to answer there. Either way
 * the reply is an outgoing touchpoint on the person's timeline and the item is replied.
 */
@Component
class InboxReplies {

  /** What happened: posted (with the reply's address) or drafted (open {@code postUrl}). */
  record Outcome(String how, String replyUrl, String postUrl, Item item) {}

  static final int MAX_TEXT = 2000;

  private final InboxQueries queries;
  private final InboxWork work;
  private final MentionDetails mentions;
  private final MentionReplies replies;
  private final Timeline timeline;
  private final Actors actors;

  InboxReplies(
      InboxQueries queries,
      InboxWork work,
      MentionDetails mentions,
      MentionReplies replies,
      Timeline timeline,
      Actors actors) {
    this.queries = queries;
    this.work = work;
    this.mentions = mentions;
    this.replies = replies;
    this.timeline = timeline;
    this.actors = actors;
  }

  /** Whether replying posts on the network rather than drafting. */
  boolean canPost(Item item) {
    return replies.canPost(item.mentionId());
  }

  /**
   * Replies to the item. Refused, with nothing changed: an item the caller may not see (404), a
   * done item, an empty text, a post its author deleted.
   */
  @Transactional
  Outcome reply(long itemId, String rawText) {
    Item item = queries.get(itemId);
    String text = rawText == null ? "" : rawText.strip();
    if (text.isEmpty()) {
      throw InvalidInputException.of("text", "write the reply first");
    }
    if (text.length() > MAX_TEXT) {
      throw InvalidInputException.of("text", "is longer than " + MAX_TEXT + " characters");
    }
    if (item.status() == Status.DONE) {
      throw InvalidInputException.of("status", "the item is done");
    }
    MentionDetails.Detail m =
        mentions
            .find(item.mentionId())
            .orElseThrow(() -> InvalidInputException.of("mention", "the post is no longer stored"));
    if (m.isDeleted()) {
      throw InvalidInputException.of(
          "mention", "the post was deleted by its author; there is nothing to reply to");
    }
    String how = "drafted";
    String replyUrl = null;
    if (replies.canPost(m.id())) {
      MentionReplies.Sent sent = replies.post(m.id(), text);
      how = sent.network();
      replyUrl = sent.url();
    }
    Item replied = work.replied(item.id(), how);
    Actor actor = actors.current();
    timeline.append(
        new NewTouchpoint(
            item.person(),
            null,
            TouchpointKind.REPLY,
            m.network(),
            Direction.OUT,
            Instant.now(),
            actor.userId(),
            actor.name(),
            NewTouchpoint.clip(
                (how.equals("drafted") ? "Reply drafted: " : "Replied on " + how + ": ") + text),
            new SourceRef(
                "sales.inbox.reply",
                item.id() + "." + System.nanoTime(),
                InboxViews.isWebUrl(replyUrl) ? replyUrl : null),
            null,
            null,
            null));
    return new Outcome(how, replyUrl, InboxViews.isWebUrl(m.url()) ? m.url() : null, replied);
  }
}
