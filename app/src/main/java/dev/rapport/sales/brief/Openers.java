package dev.rapport.sales.brief;

import dev.rapport.sales.brief.PreCallBrief.InterestView;
import dev.rapport.sales.brief.PreCallBrief.Moment;
import dev.rapport.sales.brief.PreCallBrief.PostView;
import java.util.ArrayList;
import java.util.List;

/**
 * Suggested first lines for a conversation, built from what the person shares: a recent trigger,
 * their strongest interests, a recent post. They ask about the person and never pitch; while a
 * caution is recent there are none at all.
 */
final class Openers {

  static final int MAX = 3;
  static final int QUOTE = 80;

  private Openers() {}

  static List<String> suggest(
      List<Moment> triggers,
      List<InterestView> interests,
      List<PostView> recent,
      boolean holdBack) {
    if (holdBack) {
      return List.of();
    }
    List<String> openers = new ArrayList<>();
    if (!triggers.isEmpty()) {
      openers.add(forTrigger(triggers.get(0).event()));
    }
    int topics = 0;
    for (InterestView i : interests) {
      if (openers.size() >= MAX - 1) {
        break;
      }
      openers.add(
          topics++ == 0
              ? "You often write about " + i.topic() + ". What got you into it?"
              : "What are you following in " + i.topic() + " these days?");
    }
    if (!recent.isEmpty() && openers.size() < MAX) {
      openers.add(
          "I read your post \u201c"
              + recent.get(0).excerpt(QUOTE)
              + "\u201d. How did that turn out?");
    }
    return List.copyOf(openers.subList(0, Math.min(MAX, openers.size())));
  }

  static String forTrigger(String event) {
    return switch (event) {
      case "NEW_JOB" -> "Congratulations on the new role. How are the first weeks going?";
      case "PROMOTION" -> "Congratulations on the promotion. What changes for you now?";
      case "FUNDING" -> "Congratulations on the funding. What are you most looking forward to?";
      case "HIRING" -> "I saw you are hiring. What kind of people are you looking for?";
      case "EXPANSION" -> "I saw the news about your expansion. Where are you growing next?";
      case "RELOCATION", "TRAVEL" -> "How are you finding the new place?";
      case "WEDDING", "NEW_BABY" -> "Congratulations on the happy news! How are you all doing?";
      case "GRADUATION", "ACHIEVEMENT" ->
          "Congratulations, that is quite an achievement. What comes next?";
      default -> "I saw your news. How are things?";
    };
  }
}
