package dev.rapport.sales.inbox;

import java.util.List;

/**
 * A first draft of an answer, from what the post reader found: a complaint is acknowledged and
 * taken to a private channel, a question gets an answer to fill in, praise is thanked. It never
 * pitches when a caution (illness, bereavement, layoffs, a budget cut) was read in the post, and a
 * buying signal gets a question about needs rather than a product.
 */
final class SuggestedReply {

  private SuggestedReply() {}

  static String draft(List<String> readings, boolean caution, String handle) {
    String to = handle == null || handle.isBlank() ? "" : mention(handle) + " ";
    if (readings.contains("complaint")) {
      return to
          + "Sorry to hear this, and thank you for telling us. We would like to put it right:"
          + " could you send us a direct message with the details?";
    }
    if (caution) {
      return to + "Thank you for sharing this. Wishing you all the best.";
    }
    if (readings.contains("question")) {
      return to + "Good question. Here is how: … (answer here). Happy to help further.";
    }
    if (readings.contains("buying") || readings.contains("switching")) {
      return to
          + "Happy to help with your search. What matters most to you in choosing one? We can"
          + " share how teams like yours decided.";
    }
    if (readings.contains("praise")) {
      return to + "Thank you so much, that made our day!";
    }
    if (readings.contains("life_event")) {
      return to + "Congratulations on the news, wishing you the best with it!";
    }
    return to + "Thank you for the mention!";
  }

  /** "@ana@example.social" stays; "ana.bsky.social" becomes "@ana.bsky.social". */
  private static String mention(String handle) {
    return handle.startsWith("@") ? handle : "@" + handle;
  }
}
