package dev.rapport.engine.read;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells the language of a short post from its script and, for Latin script, from common function
 * words and letters. Returns "und" when the post has no words to judge by.
 */
final class LanguageDetector {

  /** The languages told apart by function words; each has its list in language_<code>.txt. */
  private static final Map<String, Set<String>> WORDS =
      lists("en", "es", "fr", "de", "it", "pt", "nl", "sv", "tr", "id");

  private static Map<String, Set<String>> lists(String... codes) {
    Map<String, Set<String>> out = new java.util.HashMap<>();
    for (String code : codes) {
      out.put(code, WordFiles.words("language_" + code + ".txt"));
    }
    return Map.copyOf(out);
  }

  private LanguageDetector() {}

  /** Each function word with the languages (bit per index in {@link #LANGUAGES}) using it. */
  private static final String[] LANGUAGES = WORDS.keySet().stream().sorted().toArray(String[]::new);

  private static final Map<String, Integer> INDEX = index();

  private static Map<String, Integer> index() {
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int l = 0; l < LANGUAGES.length; l++) {
      for (String w : WORDS.get(LANGUAGES[l])) {
        index.merge(w, 1 << l, (a, b) -> a | b);
      }
    }
    return index;
  }

  static String detect(String text, List<Token> tokens) {
    // Long: scripts first, then function words and letters, as one decision list whose order is the
    // rule.
    String script = script(text);
    if (script != null) {
      return script;
    }
    int[] scores = new int[LANGUAGES.length];
    int words = 0;
    for (Token t : tokens) {
      if (t.kind() != Token.Kind.WORD) {
        continue;
      }
      words++;
      Integer langs = t.quoted() ? null : INDEX.get(t.norm());
      if (langs != null) {
        for (int l = 0; l < LANGUAGES.length; l++) {
          if ((langs & (1 << l)) != 0) {
            scores[l]++;
          }
        }
      }
    }
    if (words == 0) {
      return "und";
    }
    int english = 0;
    int bestScore = 0;
    String best = "en";
    for (int l = 0; l < LANGUAGES.length; l++) {
      if (LANGUAGES[l].equals("en")) {
        english = scores[l];
      } else if (scores[l] > bestScore) {
        bestScore = scores[l];
        best = LANGUAGES[l];
      }
    }
    int marks = accentVotes(text);
    if (bestScore + marks > english && bestScore >= 2) {
      return best;
    }
    return "en";
  }

  /** Letters that English posts rarely use count for the other language. */
  private static int accentVotes(String text) {
    int votes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7f && "ñ¿¡ãõçßäöüœèêàùâîôûëïåøæğşı".indexOf(Character.toLowerCase(c)) >= 0) {
        votes++;
      }
    }
    return Math.min(votes, 2);
  }

  /** The language of a non-Latin script that makes up most of the letters, else null. */
  private static String script(String text) {
    // Long: one branch per writing system, in the order of their Unicode blocks.
    int latin = 0;
    int other = 0;
    Character.UnicodeScript dominant = null;
    Map<Character.UnicodeScript, int[]> counts =
        new java.util.EnumMap<>(Character.UnicodeScript.class);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x250) {
        latin += Character.isLetter(cp) ? 1 : 0;
        continue;
      }
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      if (s == Character.UnicodeScript.LATIN) {
        latin++;
      } else {
        other++;
        counts.computeIfAbsent(s, k -> new int[1])[0]++;
      }
    }
    if (other == 0 || other < latin) {
      return null;
    }
    int max = 0;
    for (Map.Entry<Character.UnicodeScript, int[]> e : counts.entrySet()) {
      if (e.getValue()[0] > max) {
        max = e.getValue()[0];
        dominant = e.getKey();
      }
    }
    return switch (dominant) {
      case CYRILLIC -> text.matches("(?s).*[іїєґ].*") ? "uk" : "ru";
      case GREEK -> "el";
      case ARABIC -> "ar";
      case HEBREW -> "he";
      case DEVANAGARI -> "hi";
      case THAI -> "th";
      case HANGUL -> "ko";
      case HIRAGANA, KATAKANA -> "ja";
      case HAN ->
          counts.containsKey(Character.UnicodeScript.HIRAGANA)
                  || counts.containsKey(Character.UnicodeScript.KATAKANA)
              ? "ja"
              : "zh";
      default -> "xx";
    };
  }
}
