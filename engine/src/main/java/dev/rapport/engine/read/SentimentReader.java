package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lexicon-and-rules sentiment reader in the tradition of VADER (Hutto and Gilbert, 2014):
 * negation, boosters and dampeners, contrast by "but", capitals, exclamation marks, elongation,
 * emoji and emoticons, plus Rapport's rules for service problems, sarcasm and questions.
 */
final class SentimentReader {

  private static final double CAPS = 0.733;
  private static final double BOOST = 0.293;
  private static final double NEGATE = -0.74;
  private static final double ELONGATION = 0.25;
  private static final double EXCLAMATION = 0.292;
  private static final double QUESTION_DAMPING = 0.5;

  /** Words quoted from someone else say less about the author's own feeling. */
  private static final double QUOTE_DAMPING = 0.5;

  private static final double ALPHA = 15;

  /** Boosters and negations are looked for at most this many tokens back, emoji included. */
  private static final int LOOKBACK = 8;

  /** Scores at or beyond these bounds are positive or negative, tuned on the development split. */
  static final double POSITIVE_AT = 0.40;

  static final double NEGATIVE_AT = -0.06;

  private static final Set<String> NEGATIONS = WordFiles.words("negations.txt");

  private static final Map<String, Double> BOOSTERS = WordFiles.numbers("boosters.tsv");

  private static final Set<String> LIKE_SUBJECTS = WordFiles.words("sentiment_like_subjects.txt");

  /** "can't believe how rude", "can't wait to see": the negation does not reach past these. */
  private static final Set<String> SCOPE_BREAKERS = WordFiles.words("sentiment_scope_breakers.txt");

  /** "never been this happy", "never so disappointed": emphasis, not negation. */
  private static final Set<String> EMPHATIC_NEVER = WordFiles.words("sentiment_emphatic_never.txt");

  private final Lexicon lexicon;
  private final Cues cues;
  private final SentimentModel model;

  SentimentReader(Lexicon lexicon, Cues cues, SentimentModel model) {
    this.lexicon = lexicon;
    this.cues = cues;
    this.model = model;
  }

  /**
   * Reads the sentiment of English tokens. Tokens at muted positions (requests for recommendations,
   * questions) carry no sentiment of their own. With a learned model the label comes from the model
   * over the rules' findings and the post's words; without one, from the rule score.
   */
  Sentiment read(
      String text, List<Token> tokens, View view, boolean[] muted, List<EventSignal> events) {
    return read(text, features(text, tokens, tokens, view, muted, events));
  }

  /** The sentiment the rules' findings in {@code f} amount to. */
  Sentiment read(String text, Features f) {
    return read(text, f, probabilities(f));
  }

  /** The learned model's class probabilities for {@code f}, or null without a model. */
  double[] probabilities(Features f) {
    return model == null ? null : model.probabilities(f);
  }

  /** As {@link #read(String, Features)}, with the model's probabilities already computed. */
  Sentiment read(String text, Features f, double[] p) {
    if (model == null) {
      return new Sentiment(round(f.ruleScore()), label(f.ruleScore()), f.evidence());
    }
    return model.read(text, f, p);
  }

  /** What the rules found in a post: their score, evidence and the dense features for the model. */
  record Features(
      double ruleScore,
      double[] dense,
      List<Token> tokens,
      boolean[] muted,
      List<Evidence> evidence,
      List<String> keys) {}

  /**
   * What the rules find; {@code words} are the tokens the model may weigh, the post's tokens less
   * the workspace's brand names, whose weights would say more about the training posts than about
   * how people speak.
   */
  Features features(
      String text,
      List<Token> tokens,
      List<Token> words,
      View view,
      boolean[] muted,
      List<EventSignal> events) {
    List<double[]> parts = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    boolean mixedCase = hasLowerCase(text);
    int but = lastContrast(tokens);
    boolean[] questionClause = questionClauses(tokens);
    List<Cues.Match> matches = cues.find(view, k -> false);
    for (Cues.Match m : matches) {
      if (m.category().equals("mute")) {
        for (int k = m.first(); k <= m.last(); k++) {
          muted[view.position(k)] = true;
        }
      }
    }
    int negations = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (muted[i] || BOOSTERS.containsKey(t.norm()) || NEGATIONS.contains(t.norm())) {
        continue;
      }
      double v = lexicon.valence(t);
      if (v == 0 || !counts(tokens, i)) {
        continue;
      }
      double sign = Math.signum(v);
      if (t.allCaps() && mixedCase) {
        v += sign * CAPS;
      }
      if (t.elongated()) {
        v += sign * ELONGATION;
      }
      v += sign * boost(tokens, i, mixedCase);
      String cue = v > 0 ? "positive word" : "negative word";
      if (negated(tokens, i)) {
        v *= NEGATE;
        cue = "negated " + cue;
        negations++;
      }
      if (questionClause[i]) {
        v *= QUESTION_DAMPING;
      }
      if (t.quoted()) {
        v *= QUOTE_DAMPING;
      }
      v *= contrast(i, but);
      parts.add(new double[] {v, i});
      evidence.add(new Evidence(t.start(), t.end(), t.raw(), t.quoted() ? "quoted " + cue : cue));
    }
    int before = parts.size();
    addEvents(events, parts, evidence);
    int glad = 0;
    int sad = 0;
    for (int k = before; k < parts.size(); k++) {
      if (parts.get(k)[0] > 0) {
        glad++;
      } else {
        sad++;
      }
    }
    before = parts.size();
    addProblems(text, view, matches, but, parts, evidence);
    int problems = parts.size() - before;
    boolean sarcasm = applySarcasm(text, view, matches, parts, evidence);
    double sum = 0;
    double pos = 0;
    double neg = 0;
    int positives = 0;
    int negatives = 0;
    for (double[] p : parts) {
      sum += p[0];
      if (p[0] > 0) {
        pos += p[0];
        positives++;
      } else {
        neg -= p[0];
        negatives++;
      }
    }
    sum += Math.signum(sum) * emphasis(tokens);
    double score = sum / Math.sqrt(sum * sum + ALPHA);
    boolean question = false;
    for (boolean q : questionClause) {
      question |= q;
    }
    double[] dense = {
      1,
      score,
      pos / Math.sqrt(pos * pos + 4),
      neg / Math.sqrt(neg * neg + 4),
      Math.min(problems, 2),
      sarcasm ? 1 : 0,
      glad > 0 ? 1 : 0,
      sad > 0 ? 1 : 0,
      question ? 1 : 0,
      emphasis(tokens) > 0 ? 1 : 0,
      negations > 0 ? 1 : 0,
      but >= 0 ? 1 : 0,
      Math.min(positives, 3) / 3.0,
      Math.min(negatives, 3) / 3.0,
      addressed(tokens) ? 1 : 0
    };
    return new Features(score, dense, words, muted, evidence, LinearWeights.keys(words));
  }

  /** Names of the dense features, in the order {@link #features} fills them. */
  static final String[] DENSE = {
    "bias",
    "score",
    "positive",
    "negative",
    "problems",
    "sarcasm",
    "glad",
    "sad",
    "question",
    "exclamation",
    "negation",
    "contrast",
    "positives",
    "negatives",
    "mention"
  };

  /** News of a new job or a baby is glad news; of layoffs or illness, sad, even in plain words. */
  private static void addEvents(
      List<EventSignal> events, List<double[]> parts, List<Evidence> evidence) {
    for (EventSignal e : events) {
      double v =
          switch (e.event()) {
            case NEW_JOB,
                    PROMOTION,
                    FUNDING,
                    EXPANSION,
                    WEDDING,
                    NEW_BABY,
                    GRADUATION,
                    ACHIEVEMENT ->
                1.5;
            case RELOCATION -> 0.6;
            case TRAVEL -> 0.3;
            case HIRING -> 0;
            case BUDGET_CUT -> -1.4;
            case LAYOFFS, ILLNESS, BEREAVEMENT -> -1.8;
          };
      if (v != 0) {
        parts.add(new double[] {v, -1});
        Evidence first = e.evidence().get(0);
        evidence.add(
            new Evidence(
                first.start(), first.end(), first.text(), v > 0 ? "glad news" : "sad news"));
      }
    }
  }

  static SentimentLabel label(double score) {
    if (score >= POSITIVE_AT) {
      return SentimentLabel.POSITIVE;
    }
    return score <= NEGATIVE_AT ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
  }

  private static void addProblems(
      String text,
      View view,
      List<Cues.Match> matches,
      int but,
      List<double[]> parts,
      List<Evidence> evidence) {
    int lastEnd = -1;
    for (Cues.Match m : matches) {
      boolean idiom =
          m.last() + 1 < view.size() && SCOPE_BREAKERS.contains(view.token(m.last() + 1).norm());
      // "still can't believe it", "can't wait": wonder, not a failure
      if (m.category().equals("problem") && m.first() > lastEnd && !idiom) {
        int pos = view.position(m.first());
        parts.add(new double[] {m.weight() * contrast(pos, but), pos});
        boolean quoted = view.token(m.first()).quoted();
        evidence.add(
            view.evidence(
                text, m.first(), m.last(), quoted ? "quoted problem phrase" : "problem phrase"));
        lastEnd = m.last();
      }
    }
  }

  private static boolean applySarcasm(
      String text, View view, List<Cues.Match> matches, List<double[]> parts, List<Evidence> ev) {
    boolean trouble = false;
    for (Evidence e : ev) {
      trouble |= e.cue().equals("problem phrase");
    }
    boolean slash = text.endsWith("/s") || text.contains(" /s ");
    for (Cues.Match m : matches) {
      boolean strong = m.category().equals("sarcasm_strong");
      if ((strong && hasPositive(parts)) || slash || (m.category().equals("sarcasm") && trouble)) {
        for (double[] p : parts) {
          if (p[0] > 0) {
            p[0] = -0.8 * p[0];
          }
        }
        ev.add(view.evidence(text, m.first(), m.last(), "sarcasm"));
        return true;
      }
    }
    return false;
  }

  private static boolean hasPositive(List<double[]> parts) {
    for (double[] p : parts) {
      if (p[0] > 0) {
        return true;
      }
    }
    return false;
  }

  /** "like" is a verb of liking only after a subject or an adverb, otherwise a filler. */
  private static boolean counts(List<Token> tokens, int i) {
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

  private static double boost(List<Token> tokens, int i, boolean mixedCase) {
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
      Double b = BOOSTERS.get(t.norm());
      if (b == null && t.norm().equals("of") && j > 0) {
        String k = tokens.get(j - 1).norm();
        b = k.equals("kind") || k.equals("sort") ? -BOOST : null;
      }
      if (b != null) {
        double scaled = b * (seen == 0 ? 1 : seen == 1 ? 0.95 : 0.9);
        total += t.allCaps() && mixedCase ? scaled + Math.signum(b) * CAPS : scaled;
      }
      seen++;
    }
    return total;
  }

  private static boolean negated(List<Token> tokens, int i) {
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
      if (NEGATIONS.contains(w) || w.endsWith("n't")) {
        boolean emphaticNever =
            w.equals("never") && j + 1 < i && EMPHATIC_NEVER.contains(tokens.get(j + 1).norm());
        return !emphaticNever && !cannotBeMore(tokens, j, i);
      }
      seen++;
    }
    return false;
  }

  /** "couldn't be happier", "can't get any better": the most there is, not its opposite. */
  private static boolean cannotBeMore(List<Token> tokens, int negation, int i) {
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

  private static int previousWord(List<Token> tokens, int i) {
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

  private static int lastContrast(List<Token> tokens) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      String w = tokens.get(i).norm();
      if (w.equals("but") || w.equals("however")) {
        return i;
      }
    }
    return -1;
  }

  private static double contrast(int i, int but) {
    if (but < 0) {
      return 1;
    }
    return i < but ? 0.5 : 1.5;
  }

  private static boolean[] questionClauses(List<Token> tokens) {
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

  private static double emphasis(List<Token> tokens) {
    int bangs = 0;
    for (Token t : tokens) {
      if (t.norm().equals("!")) {
        bangs++;
      }
    }
    return Math.min(bangs, 4) * EXCLAMATION;
  }

  /** Whether the post names someone by @handle: posts to a brand's handle are often complaints. */
  private static boolean addressed(List<Token> tokens) {
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.MENTION) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLowerCase(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLowerCase(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
