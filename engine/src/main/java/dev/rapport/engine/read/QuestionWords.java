package dev.rapport.engine.read;

import java.util.Set;

/** Words that open a direct question in English. */
final class QuestionWords {

  private static final Set<String> OPENERS = WordFiles.words("question_openers.txt");

  private QuestionWords() {}

  static boolean starts(String word) {
    return OPENERS.contains(word);
  }
}
