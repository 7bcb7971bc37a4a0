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

  static final double CAPS = 0.733;
  static final double BOOST = 0.293;
  private static final double NEGATE = -0.74;
  static final double ELONGATION = 0.25;
  static final double EXCLAMATION = 0.292;
  private static final double QUESTION_DAMPING = 0.5;

  /** Words quoted from someone else say less about the author's own feeling. */
  private static final double QUOTE_DAMPING = 0.5;

  private static final double ALPHA = 15;

  /** Scores at or beyond these bounds are positive or negative, tuned on the development split. */
  static final double POSITIVE_AT = 0.40;

  static final double NEGATIVE_AT = -0.06;

  static final Set<String> NEGATIONS = WordFiles.words("negations.txt");

  static final Map<String, Double> BOOSTERS = WordFiles.numbers("boosters.tsv");

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
    // Long: gathers the parts (words, news, problems, sarcasm) and lays the dense features out in
    // the order of DENSE, one per line, so the two lists can be read side by side.
    List<double[]> parts = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    int but = Valence.lastContrast(tokens);
    boolean[] questionClause = Valence.questionClauses(tokens);
    List<Cues.Match> matches = cues.find(view, k -> false);
    mute(matches, view, muted);
    int negations = words(text, tokens, muted, but, questionClause, parts, evidence);
    int before = parts.size();
    addEvents(events, parts, evidence);
    Tally news = Tally.of(parts.subList(before, parts.size()));
    before = parts.size();
    addProblems(text, view, matches, but, parts, evidence);
    int problems = parts.size() - before;
    boolean sarcasm = applySarcasm(text, view, matches, parts, evidence);
    Tally all = Tally.of(parts);
    double sum = all.sum() + Math.signum(all.sum()) * Valence.emphasis(tokens);
    double score = sum / Math.sqrt(sum * sum + ALPHA);
    boolean question = false;
    for (boolean q : questionClause) {
      question |= q;
    }
    double[] dense = {
      1,
      score,
      all.pos() / Math.sqrt(all.pos() * all.pos() + 4),
      all.neg() / Math.sqrt(all.neg() * all.neg() + 4),
      Math.min(problems, 2),
      sarcasm ? 1 : 0,
      news.positives() > 0 ? 1 : 0,
      news.negatives() > 0 ? 1 : 0,
      question ? 1 : 0,
      Valence.emphasis(tokens) > 0 ? 1 : 0,
      negations > 0 ? 1 : 0,
      but >= 0 ? 1 : 0,
      Math.min(all.positives(), 3) / 3.0,
      Math.min(all.negatives(), 3) / 3.0,
      Valence.addressed(tokens) ? 1 : 0
    };
    return new Features(score, dense, words, muted, evidence, LinearWeights.keys(words));
  }

  /** Tokens inside a "mute" cue (a name, a title, a quoted phrase) carry no sentiment. */
  private static void mute(List<Cues.Match> matches, View view, boolean[] muted) {
    for (Cues.Match m : matches) {
      if (m.category().equals("mute")) {
        for (int k = m.first(); k <= m.last(); k++) {
          muted[view.position(k)] = true;
        }
      }
    }
  }

  /**
   * Adds a part and its evidence for each sentiment word, adjusted by the words around it
   * (capitals, elongation, boosters, negation, a question, quotes, a contrast); answers how many
   * were negated. Long on purpose: one pass, with each adjustment in the order the weights were
   * tuned in, so that the order can be read off the page.
   */
  private int words(
      String text,
      List<Token> tokens,
      boolean[] muted,
      int but,
      boolean[] questionClause,
      List<double[]> parts,
      List<Evidence> evidence) {
    boolean mixedCase = Valence.hasLowerCase(text);
    int negations = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      double v =
          muted[i] || BOOSTERS.containsKey(t.norm()) || NEGATIONS.contains(t.norm())
              ? 0
              : lexicon.valence(t);
      if (v == 0 || !Valence.counts(tokens, i)) {
        continue;
      }
      double sign = Math.signum(v);
      if (t.allCaps() && mixedCase) {
        v += sign * CAPS;
      }
      if (t.elongated()) {
        v += sign * ELONGATION;
      }
      v += sign * Valence.boost(tokens, i, mixedCase);
      String cue = v > 0 ? "positive word" : "negative word";
      if (Valence.negated(tokens, i)) {
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
      v *= Valence.contrast(i, but);
      parts.add(new double[] {v, i});
      evidence.add(new Evidence(t.start(), t.end(), t.raw(), t.quoted() ? "quoted " + cue : cue));
    }
    return negations;
  }

  /** The parts' sum, the sizes of the positive and negative ones, and how many of each. */
  private record Tally(double sum, double pos, double neg, int positives, int negatives) {
    static Tally of(List<double[]> parts) {
      double sum = 0;
      double pos = 0;
      double neg = 0;
      int positives = 0;
      for (double[] p : parts) {
        sum += p[0];
        if (p[0] > 0) {
          pos += p[0];
          positives++;
        } else {
          neg -= p[0];
        }
      }
      return new Tally(sum, pos, neg, positives, parts.size() - positives);
    }
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
          m.last() + 1 < view.size()
              && Valence.SCOPE_BREAKERS.contains(view.token(m.last() + 1).norm());
      // "still can't believe it", "can't wait": wonder, not a failure
      if (m.category().equals("problem") && m.first() > lastEnd && !idiom) {
        int pos = view.position(m.first());
        parts.add(new double[] {m.weight() * Valence.contrast(pos, but), pos});
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

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
