package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads buying, switching, complaint, praise and question intents from cue matches. */
final class IntentReader {

  static final double MIN_CONFIDENCE = 0.5;

  private static final Set<String> NEGATORS = WordFiles.words("intent_negators.txt");

  private static final Set<String> PRODUCT_WORDS = WordFiles.words("intent_product_words.txt");

  private static final Set<String> SERVICE_WORDS = WordFiles.words("intent_service_words.txt");

  private static boolean addressed(Post post) {
    for (int i = 0; i < post.view().size(); i++) {
      String w = post.view().token(i).norm();
      if (w.equals("your") || w.equals("you")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the post speaks to someone: "you", "your", or an @handle. */
  private static boolean toBrand(Post post) {
    return addressed(post) || post.text().indexOf('@') >= 0;
  }

  /** The facts about one post the decisions need. */
  record Post(
      String text,
      View view,
      Names names,
      List<Cues.Match> matches,
      Sentiment sentiment,
      SentimentReader.Features rules,
      List<BrandSet.Found> brands,
      double verdict) {}

  /** The intents, in the order of the intent model's columns. */
  static final List<Intent> INTENTS =
      List.of(Intent.BUYING, Intent.SWITCHING, Intent.COMPLAINT, Intent.PRAISE, Intent.QUESTION);

  /**
   * The intent model's dense features, in the order {@link Target#features} fills them: facts about
   * the target, the sentiment rules' findings it copies from {@link SentimentReader#DENSE} (score
   * to sad, then exclamation to contrast), the cue rules' confidences, then the sentiment model's
   * verdict.
   */
  static final String[] DENSE =
      java.util.stream.Stream.of(
              java.util.stream.Stream.of(
                  "bias",
                  "rule",
                  "named",
                  "generic",
                  "addressed",
                  "news",
                  "buying",
                  "question",
                  "ours",
                  "competitor"),
              java.util.Arrays.stream(SentimentReader.DENSE, 1, 8),
              java.util.Arrays.stream(SentimentReader.DENSE, 9, 12),
              java.util.stream.Stream.of(
                  "buy_rule",
                  "switch_rule",
                  "praise_rule",
                  "question_rule",
                  "job_seeking",
                  "refusing",
                  "learned_score",
                  "learned_negative"))
          .flatMap(s -> s)
          .toArray(String[]::new);

  private final LabelModel model;

  /**
   * Reads with the learned intent model (a logistic regression an intent, {@code
   * intent_model.tsv}), or with the rules alone when it is null.
   */
  IntentReader(LabelModel model) {
    this.model = model;
  }

  List<IntentSignal> read(Post post, List<EventSignal> events) {
    return read(post, events, null);
  }

  /** Reads the intents; {@code features}, when given, receives the intent model's input. */
  List<IntentSignal> read(
      Post post, List<EventSignal> events, java.util.function.Consumer<double[]> features) {
    boolean newsOfLife = !events.isEmpty();
    Map<Intent, IntentSignal> best = new EnumMap<>(Intent.class);
    boolean jobSeeking = false;
    boolean refusing = false;
    for (Cues.Match m : post.matches()) {
      if (!quoted(post.view(), m)) {
        jobSeeking |= m.category().equals("jobseek");
        refusing |= m.category().equals("buyneg");
      }
    }
    for (Cues.Match m : post.matches()) {
      if (quoted(post.view(), m) || negated(post.view(), m)) {
        continue;
      }
      Evidence e = post.view().evidence(post.text(), m.first(), m.last(), m.category() + " cue");
      switch (m.category()) {
        case "buy" -> {
          if (!jobSeeking && !refusing) {
            keep(best, signal(Intent.BUYING, m.weight(), post, m, e));
          }
        }
        case "switch" -> {
          double c = hasNameNear(post, m) ? m.weight() : m.weight() * 0.55;
          keep(best, signal(Intent.SWITCHING, c, post, m, e));
        }
        case "praise" -> {
          if (post.sentiment().label() == SentimentLabel.POSITIVE
              && !sarcastic(post)
              && (hasNameNear(post, m) || productNear(post, m))) {
            keep(best, signal(Intent.PRAISE, m.weight(), post, m, e));
          }
        }
        case "question" -> keep(best, signal(Intent.QUESTION, m.weight(), post, m, e));
        default -> {}
      }
    }
    questionMark(post, best);
    IntentSignal asked = best.get(Intent.QUESTION);
    Target target = target(post, best, newsOfLife, events);
    if (model != null || features != null) {
      double[] x = target.features(post, best, newsOfLife, jobSeeking, refusing);
      if (features != null) {
        features.accept(x);
      }
      if (model != null) {
        learned(post, best, target, x);
      }
    }
    if (model == null) {
      target.decide(post, best, newsOfLife);
    }
    pointedQuestion(post, best, target, asked);
    notComplaint(post, best);
    List<IntentSignal> out = new ArrayList<>();
    for (IntentSignal s : best.values()) {
      if (s.confidence() >= MIN_CONFIDENCE) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * What the complaint and praise decisions look at: the brand or product the post is about (a
   * named one near the trouble or the praise, else a product word) and the rules' verdict.
   *
   * @param named the view index of the named target, or -1
   * @param at the view index of the target, named or a product word, or -1
   * @param complaint the complaint rule's confidence (0 when it does not fire)
   * @param service whether an unnamed product is a company's service
   * @param praise whether the praise rule fires: positive words close to a named target
   */
  private record Target(
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
  }

  private static double confidence(Map<Intent, IntentSignal> best, Intent intent) {
    IntentSignal s = best.get(intent);
    return s == null ? 0 : s.confidence();
  }

  /**
   * A complaint needs a named brand or product and trouble: a problem phrase, or negative words
   * close to the name. Praise needs positive words close to the name, and is not read from posts
   * that announce news of their own (new job, funding), which are glad for other reasons.
   */
  private static Target target(
      Post post, Map<Intent, IntentSignal> best, boolean newsOfLife, List<EventSignal> events) {
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
    return new Target(named, at, c, service, praise, trouble, learnedNegatives, positives);
  }

  /**
   * The learned model decides each intent: a rule's finding it agrees with keeps its evidence and
   * takes the model's confidence, one it disagrees with is dropped, and one the rules missed is
   * shown by the words that weighed most for it (and the target, for complaints and praise).
   * Complaints and praise need a target.
   */
  private void learned(Post post, Map<Intent, IntentSignal> best, Target target, double[] x) {
    double[] p = model.probabilities(x, post.rules().keys());
    for (int c = 0; c < INTENTS.size(); c++) {
      Intent intent = INTENTS.get(c);
      boolean aimed = intent == Intent.COMPLAINT || intent == Intent.PRAISE;
      if (p[c] < MIN_CONFIDENCE || (aimed && target.at() < 0)) {
        best.remove(intent);
        continue;
      }
      double confidence = Math.min(1, p[c]);
      IntentSignal rule = best.get(intent);
      List<Evidence> evidence = new ArrayList<>();
      if (rule != null) {
        evidence.addAll(rule.evidence());
      } else if (intent == Intent.COMPLAINT) {
        evidence.addAll(target.trouble().isEmpty() ? target.learnedNegatives() : target.trouble());
      } else if (intent == Intent.PRAISE) {
        evidence.addAll(target.positives());
      }
      if (evidence.isEmpty()) {
        String cue = "learned " + intent.name().toLowerCase(java.util.Locale.ROOT) + " word";
        evidence.addAll(model.evidence(post.text(), post.rules().tokens(), c, cue));
      }
      if (aimed) {
        evidence.add(post.view().evidence(post.text(), target.at(), target.at(), "target"));
      }
      if (evidence.isEmpty()) {
        best.remove(intent);
        continue;
      }
      best.put(
          intent,
          aimed
              ? target.signal(post, intent, confidence, evidence)
              : rule != null
                  ? new IntentSignal(intent, confidence, rule.target(), rule.about(), evidence)
                  : new IntentSignal(intent, confidence, "", About.OTHER, evidence));
    }
  }

  private static final int NEAR_CHARS = 40;

  private static boolean sarcastic(Post post) {
    return post.sentiment().evidence().stream().anyMatch(e -> e.cue().equals("sarcasm"));
  }

  /** "layoffs at Globex" is news about Globex, not a complaint about it. */
  private static boolean partOfEvent(Evidence e, List<EventSignal> events) {
    for (EventSignal event : events) {
      for (Evidence x : event.evidence()) {
        if (e.start() < x.end() && x.start() < e.end()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean productNear(Post post, Cues.Match m) {
    int to = Math.min(post.view().size() - 1, m.last() + 5);
    for (int i = m.first(); i <= to; i++) {
      if (PRODUCT_WORDS.contains(post.view().token(i).norm())) {
        return true;
      }
    }
    return false;
  }

  private static boolean near(Post post, int viewIndex, List<Evidence> evidence) {
    Token t = post.view().token(viewIndex);
    for (Evidence e : evidence) {
      if (e.start() < t.end() + NEAR_CHARS && e.end() > t.start() - NEAR_CHARS) {
        return true;
      }
    }
    return false;
  }

  /** The named token closest to the evidence, or the first name when there is no evidence. */
  private static int nearestName(Post post, List<Evidence> evidence) {
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

  private static void questionMark(Post post, Map<Intent, IntentSignal> best) {
    View v = post.view();
    int clause = 0;
    for (int i = 0; i < v.size(); i++) {
      Token t = v.token(i);
      if (t.norm().equals("?") && !t.quoted() && i > clause) {
        double c = QuestionWords.starts(v.token(clause).norm()) ? 0.75 : 0.55;
        Evidence e = v.evidence(post.text(), clause, i, "question mark");
        keep(best, new IntentSignal(Intent.QUESTION, c, "", About.OTHER, List.of(e)));
      }
      if (t.endsClause()) {
        clause = i + 1;
      }
    }
  }

  /**
   * "@brand why is my order still not here?": a pointed question to a brand about a failure is a
   * complaint as well as a question.
   */
  private static void pointedQuestion(
      Post post, Map<Intent, IntentSignal> best, Target target, IntentSignal asked) {
    if (best.containsKey(Intent.COMPLAINT)
        && !best.containsKey(Intent.QUESTION)
        && asked != null
        && asked.confidence() >= 0.55
        && toBrand(post)) {
      best.put(Intent.QUESTION, asked);
      return;
    }
    if (!best.containsKey(Intent.QUESTION)
        || best.containsKey(Intent.COMPLAINT)
        || target.at() < 0
        || target.trouble().isEmpty()
        || !toBrand(post)) {
      return;
    }
    List<Evidence> ev = new ArrayList<>(target.trouble());
    ev.add(post.view().evidence(post.text(), target.at(), target.at(), "target"));
    best.put(Intent.COMPLAINT, target.signal(post, Intent.COMPLAINT, 0.6, ev));
  }

  /**
   * A brand agent's own reply ("sorry to hear that, please DM us"), a request to follow or to DM, a
   * petition, and banter without a problem ("lol you're the worst") are not complaints.
   */
  private static void notComplaint(Post post, Map<Intent, IntentSignal> best) {
    IntentSignal complaint = best.get(Intent.COMPLAINT);
    if (complaint == null) {
      return;
    }
    boolean problem = complaint.evidence().stream().anyMatch(e -> e.cue().equals("problem phrase"));
    for (Cues.Match m : post.matches()) {
      String c = m.category();
      if (c.equals("agent")
          || c.equals("petition")
          || ((c.equals("banter") || c.equals("follow")) && !problem)) {
        best.remove(Intent.COMPLAINT);
        return;
      }
    }
  }

  private static IntentSignal signal(
      Intent intent, double confidence, Post post, Cues.Match m, Evidence e) {
    int name = nameNear(post, m);
    String target = name >= 0 ? post.names().display(name) : "";
    About about = name >= 0 ? aboutAt(post, name) : About.OTHER;
    return new IntentSignal(intent, confidence, target, about, List.of(e));
  }

  private static void keep(Map<Intent, IntentSignal> best, IntentSignal s) {
    IntentSignal old = best.get(s.intent());
    if (old == null || old.confidence() < s.confidence()) {
      best.put(s.intent(), s);
    }
  }

  private static boolean quoted(View view, Cues.Match m) {
    return view.token(m.first()).quoted();
  }

  /** A negation shortly before the cue, in the same sentence, cancels it. */
  private static boolean negated(View view, Cues.Match m) {
    for (int j = m.first() - 1; j >= 0 && j >= m.first() - 3; j--) {
      Token t = view.token(j);
      if (t.endsClause()) {
        return false;
      }
      if (NEGATORS.contains(t.norm()) || t.norm().endsWith("n't")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasNameNear(Post post, Cues.Match m) {
    return nameNear(post, m) >= 0;
  }

  private static int nameNear(Post post, Cues.Match m) {
    int to = Math.min(post.view().size() - 1, m.last() + 5);
    for (int i = m.first(); i <= to; i++) {
      if (i > m.last() && post.view().token(i).endsClause()) {
        break;
      }
      if (post.names().isName(i)) {
        return i;
      }
    }
    return -1;
  }

  private static int firstProductWord(Post post) {
    for (int i = 0; i < post.view().size(); i++) {
      if (PRODUCT_WORDS.contains(post.view().token(i).norm())) {
        return i;
      }
    }
    return -1;
  }

  private static String target(Post post, int named) {
    return named >= 0 ? post.names().display(named) : "";
  }

  private static About aboutAt(Post post, int viewIndex) {
    int pos = post.view().position(viewIndex);
    for (BrandSet.Found f : post.brands()) {
      if (f.first() <= pos && pos <= f.last()) {
        return f.about();
      }
    }
    return About.OTHER;
  }
}
