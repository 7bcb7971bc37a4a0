package dev.rapport.engine.read;

import static dev.rapport.engine.read.IntentReader.NEAR_CHARS;
import static dev.rapport.engine.read.IntentReader.PRODUCT_WORDS;
import static dev.rapport.engine.read.IntentReader.SERVICE_WORDS;
import static dev.rapport.engine.read.IntentReader.aboutAt;
import static dev.rapport.engine.read.IntentReader.addressed;
import static dev.rapport.engine.read.IntentReader.keep;
import static dev.rapport.engine.read.IntentReader.sarcastic;

import dev.rapport.engine.read.IntentReader.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the complaint and praise decisions look at: the brand or product the post is about (a named
 * one near the trouble or the praise, else a product word) and the rules' verdict.
 *
 * @param named the view index of the named target, or -1
 * @param at the view index of the target, named or a product word, or -1
 * @param complaint the complaint rule's confidence (0 when it does not fire)
 * @param service whether an unnamed product is a company's service
 * @param praise whether the praise rule fires: positive words close to a named target
 */
record IntentTarget(
    int named,
    int at,
    double complaint,
    boolean service,
    boolean praise,
    List<Evidence> trouble,
    List<Evidence> learnedNegatives,
    List<Evidence> positives) {

  /** The intent model's input, in the order of {@link IntentReader#DENSE}. */
  double[] features(
      Post post,
      Map<Intent, IntentSignal> best,
      boolean newsOfLife,
      boolean jobSeeking,
      boolean refusing) {
    About about = at >= 0 ? aboutAt(post, at) : About.OTHER;
    double[] r = post.rules().dense();
    Sentiment s = post.sentiment();
    return new double[] {
      1,
      complaint,
      named >= 0 ? 1 : 0,
      at >= 0 && named < 0 ? (service ? 1 : 0.5) : 0,
      addressed(post) ? 1 : 0,
      newsOfLife ? 1 : 0,
      best.containsKey(Intent.BUYING) ? 1 : 0,
      best.containsKey(Intent.QUESTION) ? 1 : 0,
      about == About.OURS ? 1 : 0,
      about == About.COMPETITOR ? 1 : 0,
      r[1],
      r[2],
      r[3],
      r[4],
      r[5],
      r[6],
      r[7],
      r[9],
      r[10],
      r[11],
      confidence(best, Intent.BUYING),
      confidence(best, Intent.SWITCHING),
      Math.max(confidence(best, Intent.PRAISE), praise ? 0.7 : 0),
      confidence(best, Intent.QUESTION),
      jobSeeking ? 1 : 0,
      refusing ? 1 : 0,
      post.verdict(),
      s.label() == SentimentLabel.NEGATIVE ? 1 : 0
    };
  }

  /** The rules' decision on complaint and praise (when there is no learned model). */
  void decide(Post post, Map<Intent, IntentSignal> best, boolean newsOfLife) {
    if (at < 0) {
      return;
    }
    if (complaint > 0) {
      List<Evidence> ev = new ArrayList<>(trouble);
      ev.add(post.view().evidence(post.text(), at, at, "target"));
      keep(best, signal(post, Intent.COMPLAINT, complaint, ev));
    } else if (praise && !best.containsKey(Intent.BUYING) && !newsOfLife) {
      List<Evidence> ev = new ArrayList<>(positives);
      ev.add(post.view().evidence(post.text(), at, at, "target"));
      keep(best, signal(post, Intent.PRAISE, 0.7, ev));
    }
  }

  IntentSignal signal(Post post, Intent intent, double confidence, List<Evidence> evidence) {
    return new IntentSignal(
        intent, confidence, IntentReader.target(post, named), aboutAt(post, at), evidence);
  }

  /**
   * A complaint needs a named brand or product and trouble: a problem phrase, or negative words
   * close to the name. Praise needs positive words close to the name, and is not read from posts
   * that announce news of their own (new job, funding), which are glad for other reasons.
   */
  static IntentTarget of(
      Post post, Map<Intent, IntentSignal> best, boolean newsOfLife, List<EventSignal> events) {
    // Long: sorts the sentiment evidence into the four kinds the decisions need and scores the
    // target in one pass.
    Sentiment s = post.sentiment();
    List<Evidence> problems = new ArrayList<>();
    List<Evidence> negatives = new ArrayList<>();
    List<Evidence> learnedNegatives = new ArrayList<>();
    List<Evidence> positives = new ArrayList<>();
    for (Evidence e : s.evidence()) {
      if (e.cue().equals("problem phrase")) {
        problems.add(e);
      } else if ((e.cue().equals("negative word") || e.cue().equals("sarcasm"))
          && !partOfEvent(e, events)) {
        negatives.add(e);
      } else if (e.cue().equals("learned negative word") && !partOfEvent(e, events)) {
        learnedNegatives.add(e);
      } else if (e.cue().equals("positive word") || e.cue().equals("learned positive word")) {
        positives.add(e);
      }
    }
    // the rule reads the rules' own sentiment; the model weighs it with everything else
    boolean negative = SentimentReader.label(post.rules().ruleScore()) == SentimentLabel.NEGATIVE;
    List<Evidence> trouble = new ArrayList<>(problems);
    trouble.addAll(negatives);
    int named = nearestName(post, trouble.isEmpty() ? positives : trouble);
    int generic = named >= 0 ? -1 : firstProductWord(post);
    int at = named >= 0 ? named : generic;
    boolean close = at >= 0 && near(post, at, negatives);
    double c = 0;
    boolean service = false;
    if (named >= 0) {
      c =
          !problems.isEmpty() && negative
              ? 0.9
              : !problems.isEmpty() ? 0.65 : negative && close ? 0.75 : 0;
    } else if (generic >= 0) {
      // an unnamed product is a complaint only when a company's service is addressed
      service = SERVICE_WORDS.contains(post.view().token(generic).norm()) || addressed(post);
      c = !service ? 0 : !problems.isEmpty() && negative ? 0.7 : negative && close ? 0.55 : 0;
    }
    if (best.containsKey(Intent.BUYING) && problems.isEmpty()) {
      c = 0;
    }
    boolean praise =
        s.label() == SentimentLabel.POSITIVE
            && named >= 0
            && !sarcastic(post)
            && near(post, named, positives);
    return new IntentTarget(named, at, c, service, praise, trouble, learnedNegatives, positives);
  }

  /** "layoffs at Globex" is news about Globex, not a complaint about it. */
  static boolean partOfEvent(Evidence e, List<EventSignal> events) {
    for (EventSignal event : events) {
      for (Evidence x : event.evidence()) {
        if (e.start() < x.end() && x.start() < e.end()) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean near(Post post, int viewIndex, List<Evidence> evidence) {
    Token t = post.view().token(viewIndex);
    for (Evidence e : evidence) {
      if (e.start() < t.end() + NEAR_CHARS && e.end() > t.start() - NEAR_CHARS) {
        return true;
      }
    }
    return false;
  }

  /** The named token closest to the evidence, or the first name when there is no evidence. */
  static int nearestName(Post post, List<Evidence> evidence) {
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (int i = 0; i < post.view().size(); i++) {
      Token t = post.view().token(i);
      if (!post.names().isName(i) || t.quoted()) {
        continue;
      }
      int d = evidence.isEmpty() ? 0 : Integer.MAX_VALUE;
      for (Evidence e : evidence) {
        d = Math.min(d, Math.max(0, Math.max(e.start() - t.end(), t.start() - e.end())));
      }
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  }

  static int firstProductWord(Post post) {
    for (int i = 0; i < post.view().size(); i++) {
      if (PRODUCT_WORDS.contains(post.view().token(i).norm())) {
        return i;
      }
    }
    return -1;
  }

  static double confidence(Map<Intent, IntentSignal> best, Intent intent) {
    IntentSignal s = best.get(intent);
    return s == null ? 0 : s.confidence();
  }
}
