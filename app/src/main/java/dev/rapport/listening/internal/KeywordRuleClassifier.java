package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * INTERIM classifier until the engine matcher lands: a rule matches when any of its keywords or
 * phrases occurs in the post text, case-insensitively, on word boundaries. Produces spans; no
 * readings (the engine's readers add those). Rules are held in an immutable index swapped on every
 * change, so classification never takes a lock; cost is linear in the post's words, not in the
 * number of rules.
 */
final class KeywordRuleClassifier implements PostClassifier {

  /** One enabled rule's keyword in the index. */
  record Term(String ruleId, String[] words, String phrase) {}

  private volatile Map<String, List<Term>> byFirstWord = Map.of();

  /** Replaces the index with the given enabled rules (id → comma-separated keywords). */
  void load(Map<String, String> rules) {
    Map<String, List<Term>> index = new HashMap<>();
    for (Map.Entry<String, String> rule : rules.entrySet()) {
      for (String keyword : ListeningRules.keywords(rule.getValue())) {
        List<String> words = words(keyword);
        if (words.isEmpty()) {
          continue;
        }
        Term term = new Term(rule.getKey(), words.toArray(String[]::new), keyword);
        index.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(term);
      }
    }
    byFirstWord = Map.copyOf(index);
  }

  int size() {
    return byFirstWord.values().stream().mapToInt(List::size).sum();
  }

  @Override
  public Classification classify(NormalizedPost post) {
    Map<String, List<Term>> index = byFirstWord;
    if (index.isEmpty()) {
      return Classification.NONE;
    }
    String text = post.text();
    List<int[]> spans = tokens(text);
    List<String> words = new ArrayList<>(spans.size());
    for (int[] s : spans) {
      words.add(text.substring(s[0], s[1]).toLowerCase(Locale.ROOT));
    }
    Set<String> ruleIds = new LinkedHashSet<>();
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      List<Term> candidates = index.get(word);
      if (candidates == null && word.length() > 1 && "#@$".indexOf(word.charAt(0)) >= 0) {
        // a plain keyword also matches its hashtag, mention or cashtag
        candidates = index.get(word.substring(1));
        if (candidates != null) {
          words.set(i, word.substring(1));
        }
      }
      if (candidates == null) {
        continue;
      }
      for (Term t : candidates) {
        if (matchesAt(words, i, t.words())) {
          ruleIds.add(t.ruleId());
          int start = spans.get(i)[0];
          int end = spans.get(i + t.words().length - 1)[1];
          if (json.length() > 1) {
            json.append(',');
          }
          json.append("{\"rule\":\"")
              .append(t.ruleId())
              .append("\",\"start\":")
              .append(start)
              .append(",\"end\":")
              .append(end)
              .append('}');
        }
      }
    }
    if (ruleIds.isEmpty()) {
      return Classification.NONE;
    }
    return new Classification(List.copyOf(ruleIds), json.append(']').toString(), "{}");
  }

  private static boolean matchesAt(List<String> words, int i, String[] term) {
    if (i + term.length > words.size()) {
      return false;
    }
    for (int k = 1; k < term.length; k++) {
      if (!words.get(i + k).equals(term[k])) {
        return false;
      }
    }
    return true;
  }

  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (int[] t : tokens(s)) {
      out.add(s.substring(t[0], t[1]).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Word spans: letters, digits, '_', and a leading '#', '@' or '$' kept with the word. */
  static List<int[]> tokens(String s) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      boolean sigil = (cp == '#' || cp == '@' || cp == '$') && i + 1 < n && isWord(s, i + 1);
      if (sigil || isWord(s, i)) {
        int start = i;
        i += sigil ? 1 : 0;
        while (i < n && isWord(s, i)) {
          i += Character.charCount(s.codePointAt(i));
        }
        out.add(new int[] {start, i});
      } else {
        i += Character.charCount(cp);
      }
    }
    return out;
  }

  private static boolean isWord(String s, int i) {
    int cp = s.codePointAt(i);
    return Character.isLetterOrDigit(cp) || cp == '_';
  }
}
