package dev.rapport.engine.read;

import java.util.Set;

/** Words that open a direct question in English. */
final class QuestionWords {

  private static final Set<String> OPENERS =
      Words.of(
          "what", "what's", "whats", "how", "why", "where", "when", "who", "which", "is", "are",
          "can", "could", "does", "do", "did", "should", "would", "will", "has", "have", "any",
          "anyone", "anybody", "was", "were", "isn't", "doesn't", "can't", "won't", "whos", "who's",
          "hows", "how's", "wheres", "where's", "am", "shall", "may");

  private QuestionWords() {}

  static boolean starts(String word) {
    return OPENERS.contains(word);
  }
}
