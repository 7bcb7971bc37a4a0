package dev.rapport.engine.read;

import java.util.List;
import java.util.Set;

/**
 * How the words around a sentiment word change it: boosters and their all-caps emphasis, negations
 * and their scope, "like" as a verb or a filler, a contrast ("but") that weighs the clause after
 * it, question clauses, emphatic punctuation, and whether a post addresses someone. Used by {@link
 * SentimentReader}, which keeps the weights.
 */
final class Valence {

  private Valence() {}

  /** Boosters and negations are looked for at most this many tokens back, emoji included. */
  static final int LOOKBACK = 8;

  static final Set<String> LIKE_SUBJECTS = WordFiles.words("sentiment_like_subjects.txt");

  /** "can't believe how rude", "can't wait to see": the negation does not reach past these. */
  static final Set<String> SCOPE_BREAKERS = WordFiles.words("sentiment_scope_breakers.txt");

  /** "never been this happy", "never so disappointed": emphasis, not negation. */
  static final Set<String> EMPHATIC_NEVER = WordFiles.words("sentiment_emphatic_never.txt");

  /** "like" is a verb of liking only after a subject or an adverb, otherwise a filler. */
  static boolean counts(List<Token> tokens, int i) {
    String w = tokens.get(i).norm();
    if (w.equals("like") || w.equals("likes")) {
      int p = previousWord(tokens, i);
      return p >= 0 && LIKE_SUBJECTS.contains(tokens.get(p).norm());
    }
    if (w.equals("kind") || w.equals("sort")) {
      int n = i + 1;
      return !(n < tokens.size() && tokens.get(n).norm().equals("of"));
    }
    return true;
  }

  static double boost(List<Token> tokens, int i, boolean mixedCase) {
    double total = 0;
    int seen = 0;
    for (int j = i - 1; j >= 0 && seen < 3 && j >= i - LOOKBACK; j--) {
      Token t = tokens.get(j);
      if (t.endsClause()) {
        break;
      }
      if (!t.isWordLike()) {
        continue;
      }
      Double b = SentimentReader.BOOSTERS.get(t.norm());
      if (b == null && t.norm().equals("of") && j > 0) {
        String k = tokens.get(j - 1).norm();
        b = k.equals("kind") || k.equals("sort") ? -SentimentReader.BOOST : null;
      }
      if (b != null) {
        double scaled = b * (seen == 0 ? 1 : seen == 1 ? 0.95 : 0.9);
        total += t.allCaps() && mixedCase ? scaled + Math.signum(b) * SentimentReader.CAPS : scaled;
      }
      seen++;
    }
    return total;
  }

  static boolean negated(List<Token> tokens, int i) {
    int seen = 0;
    for (int j = i - 1; j >= 0 && seen < 3 && j >= i - LOOKBACK; j--) {
      Token t = tokens.get(j);
      if (t.endsClause() || t.norm().equals("but")) {
        return false;
      }
      if (!t.isWordLike()) {
        continue;
      }
      String w = t.norm();
      if (SCOPE_BREAKERS.contains(w)) {
        return false;
      }
      if (SentimentReader.NEGATIONS.contains(w) || w.endsWith("n't")) {
        boolean emphaticNever =
            w.equals("never") && j + 1 < i && EMPHATIC_NEVER.contains(tokens.get(j + 1).norm());
        return !emphaticNever && !cannotBeMore(tokens, j, i);
      }
      seen++;
    }
    return false;
  }

  /** "couldn't be happier", "can't get any better": the most there is, not its opposite. */
  static boolean cannotBeMore(List<Token> tokens, int negation, int i) {
    String n = tokens.get(negation).norm();
    if (!(n.startsWith("could") || n.startsWith("can") || n.equals("not"))) {
      return false;
    }
    String w = tokens.get(i).norm();
    boolean comparative = w.equals("better") || w.equals("more") || w.endsWith("ier");
    if (!comparative) {
      return false;
    }
    for (int k = negation + 1; k < i; k++) {
      String b = tokens.get(k).norm();
      if (b.equals("be") || b.equals("get") || b.equals("been")) {
        return true;
      }
    }
    return false;
  }

  static int previousWord(List<Token> tokens, int i) {
    for (int j = i - 1; j >= 0 && j >= i - LOOKBACK; j--) {
      if (tokens.get(j).isWordLike()) {
        return j;
      }
      if (tokens.get(j).endsClause()) {
        return -1;
      }
    }
    return -1;
  }

  static int lastContrast(List<Token> tokens) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      String w = tokens.get(i).norm();
      if (w.equals("but") || w.equals("however")) {
        return i;
      }
    }
    return -1;
  }

  static double contrast(int i, int but) {
    if (but < 0) {
      return 1;
    }
    return i < but ? 0.5 : 1.5;
  }

  static boolean[] questionClauses(List<Token> tokens) {
    boolean[] q = new boolean[tokens.size()];
    int from = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.endsClause() || i == tokens.size() - 1) {
        boolean question = t.norm().equals("?");
        for (int j = from; j <= i; j++) {
          q[j] = question;
        }
        from = i + 1;
      }
    }
    return q;
  }

  static double emphasis(List<Token> tokens) {
    int bangs = 0;
    for (Token t : tokens) {
      if (t.norm().equals("!")) {
        bangs++;
      }
    }
    return Math.min(bangs, 4) * SentimentReader.EXCLAMATION;
  }

  /** Whether the post names someone by @handle: posts to a brand's handle are often complaints. */
  static boolean addressed(List<Token> tokens) {
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.MENTION) {
        return true;
      }
    }
    return false;
  }

  static boolean hasLowerCase(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLowerCase(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
