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

  static final Set<String> PRODUCT_WORDS = WordFiles.words("intent_product_words.txt");

  static final Set<String> SERVICE_WORDS = WordFiles.words("intent_service_words.txt");

  static boolean addressed(Post post) {
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
    // Long: the intent decisions in the order they depend on each other (cues, negation, target,
    // model, corrections); each step is one call.
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
    IntentTarget target = IntentTarget.of(post, best, newsOfLife, events);
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
   * The learned model decides each intent: a rule's finding it agrees with keeps its evidence and
   * takes the model's confidence, one it disagrees with is dropped, and one the rules missed is
   * shown by the words that weighed most for it (and the target, for complaints and praise).
   * Complaints and praise need a target.
   */
  private void learned(Post post, Map<Intent, IntentSignal> best, IntentTarget target, double[] x) {
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

  static final int NEAR_CHARS = 40;

  static boolean sarcastic(Post post) {
    return post.sentiment().evidence().stream().anyMatch(e -> e.cue().equals("sarcasm"));
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
      Post post, Map<Intent, IntentSignal> best, IntentTarget target, IntentSignal asked) {
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

  static IntentSignal signal(
      Intent intent, double confidence, Post post, Cues.Match m, Evidence e) {
    int name = nameNear(post, m);
    String target = name >= 0 ? post.names().display(name) : "";
    About about = name >= 0 ? aboutAt(post, name) : About.OTHER;
    return new IntentSignal(intent, confidence, target, about, List.of(e));
  }

  static void keep(Map<Intent, IntentSignal> best, IntentSignal s) {
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

  static String target(Post post, int named) {
    return named >= 0 ? post.names().display(named) : "";
  }

  static About aboutAt(Post post, int viewIndex) {
    int pos = post.view().position(viewIndex);
    for (BrandSet.Found f : post.brands()) {
      if (f.first() <= pos && pos <= f.last()) {
        return f.about();
      }
    }
    return About.OTHER;
  }
}
