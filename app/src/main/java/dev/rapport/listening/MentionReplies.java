package dev.rapport.listening;

/**
 * Answers a stored mention on its own network, through the source that heard it and the credentials
 * in that source's configuration: a Mastodon source's instance and access token, a Bluesky source's
 * {@code replyHandle} and {@code appPassword}. Callers record the reply as they see fit (sales
 * makes it an outgoing touchpoint).
 */
public interface MentionReplies {

  /** A posted reply: its id on the network and the address that opens it. */
  record Sent(String network, String id, String url) {}

  /** The network refused or could not be reached; the message says which and why. */
  class ReplyFailed extends RuntimeException {
    public ReplyFailed(String message) {
      super(message);
    }
  }

  /**
   * Whether a reply can be posted from Rapport: the mention exists, is not deleted, and its source
   * holds credentials for its network.
   */
  boolean canPost(long mentionId);

  /**
   * Posts the reply. A deleted post, an empty or too long text, or a source without credentials
   * raise {@code InvalidInputException} naming the field ({@code mention} or {@code text}); a
   * network that refuses raises {@link ReplyFailed}.
   */
  Sent post(long mentionId, String text);
}
