package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads life events and sales triggers from cue matches, skipping wishes, denials and quotes. */
final class EventReader {

  private static final Set<String> NEGATORS = WordFiles.words("event_negators.txt");

  /** Words that make what follows a wish, a plan or a search rather than news. */
  private static final Set<String> UNREAL = WordFiles.words("event_unreal.txt");

  private static final Set<String> PETS = WordFiles.words("event_pets.txt");

  private static final Set<String> FAMILY = WordFiles.words("event_family.txt");

  private static final Set<String> FRIENDS = WordFiles.words("event_friends.txt");

  /** The author: "I got the job", "my graduation", "we're engaged". */
  private static final Set<String> SELF = WordFiles.words("event_self.txt");

  private static final Set<LifeEvent> COMPANY =
      Set.of(
          LifeEvent.FUNDING,
          LifeEvent.HIRING,
          LifeEvent.EXPANSION,
          LifeEvent.BUDGET_CUT,
          LifeEvent.LAYOFFS);

  /**
   * The events the learned model weighs, in the order of its columns. Events added after it was
   * trained (graduation, achievement) have no labelled posts to learn from yet: the rules decide
   * them alone.
   */
  static final List<LifeEvent> EVENTS =
      java.util.Arrays.stream(LifeEvent.values())
          .filter(e -> e != LifeEvent.GRADUATION && e != LifeEvent.ACHIEVEMENT)
          .toList();

  /**
   * The event model's dense features, in the order {@link #features} fills them: the bias, the cue
   * rules' confidence for each event, and the sentiment rules' score, mass and question.
   */
  static final String[] DENSE =
      java.util.stream.Stream.of(
              java.util.stream.Stream.of("bias"),
              EVENTS.stream().map(e -> "rule_" + e.name().toLowerCase(Locale.ROOT)),
              java.util.stream.Stream.of("score", "positive", "negative", "question"))
          .flatMap(s -> s)
          .toArray(String[]::new);

  private final LabelModel model;

  /**
   * Reads with the learned event model (a logistic regression an event, {@code event_model.tsv})
   * deciding over the rules' findings, or with the rules alone when it is null.
   */
  EventReader(LabelModel model) {
    this.model = model;
  }

  /** The event model's input: what the rules found and the sentiment rules' findings. */
  static double[] features(List<EventSignal> rules, SentimentReader.Features sentiment) {
    double[] x = new double[DENSE.length];
    x[0] = 1;
    for (EventSignal e : rules) {
      int c = 1 + EVENTS.indexOf(e.event());
      if (c > 0) {
        x[c] = Math.max(x[c], e.confidence());
      }
    }
    double[] r = sentiment.dense();
    int at = 1 + EVENTS.size();
    x[at] = r[1];
    x[at + 1] = r[2];
    x[at + 2] = r[3];
    x[at + 3] = r[8];
    return x;
  }

  /**
   * The events the learned model keeps: a rule's finding it agrees with keeps its subject and
   * evidence and takes the model's confidence, one it disagrees with is dropped, and one the rules
   * missed is shown by the words that weighed most for it. Without a model, the rules' findings.
   */
  List<EventSignal> decide(
      String text, SentimentReader.Features words, List<EventSignal> rules, double[] x) {
    if (model == null) {
      return rules;
    }
    double[] p = model.probabilities(x, words.keys());
    List<EventSignal> out = new ArrayList<>();
    for (EventSignal e : rules) {
      if (!EVENTS.contains(e.event())) {
        out.add(e);
      }
    }
    for (int c = 0; c < EVENTS.size(); c++) {
      if (p[c] < CONFIDENT) {
        continue;
      }
      LifeEvent event = EVENTS.get(c);
      double confidence = Math.min(1, p[c]);
      EventSignal rule = null;
      for (EventSignal e : rules) {
        if (e.event() == event) {
          rule = e;
        }
      }
      if (rule != null) {
        out.add(new EventSignal(event, confidence, rule.subject(), rule.evidence()));
      } else {
        String cue = "learned " + event.name().toLowerCase(Locale.ROOT) + " word";
        List<Evidence> evidence = model.evidence(text, words.tokens(), c, cue);
        if (!evidence.isEmpty()) {
          out.add(new EventSignal(event, confidence, "", evidence));
        }
      }
    }
    return out;
  }

  /** The model's probability from which an event is read. */
  private static final double CONFIDENT = 0.5;

  List<EventSignal> read(String text, View view, List<Cues.Match> matches) {
    Map<LifeEvent, EventSignal> best = new EnumMap<>(LifeEvent.class);
    boolean[] question = questionClauses(view);
    for (Cues.Match m : matches) {
      if (view.token(m.first()).quoted() || question[m.first()] || blocked(view, m)) {
        continue;
      }
      LifeEvent event = LifeEvent.valueOf(m.category().toUpperCase(Locale.ROOT));
      Evidence e = view.evidence(text, m.first(), m.last(), "event cue");
      EventSignal old = best.get(event);
      if (old == null) {
        best.put(event, new EventSignal(event, m.weight(), subject(view, m, event), List.of(e)));
      } else {
        List<Evidence> ev = new ArrayList<>(old.evidence());
        ev.add(e);
        double c = Math.min(0.99, Math.max(old.confidence(), m.weight()) + 0.03);
        best.put(event, new EventSignal(event, c, old.subject(), ev));
      }
    }
    return new ArrayList<>(best.values());
  }

  private static boolean blocked(View view, Cues.Match m) {
    for (int j = m.first() - 1; j >= 0 && j >= m.first() - 4; j--) {
      Token t = view.token(j);
      if (t.endsClause()) {
        return false;
      }
      String w = t.norm();
      if (UNREAL.contains(w)
          || (j >= m.first() - 3 && (NEGATORS.contains(w) || w.endsWith("n't")))) {
        return true;
      }
    }
    return false;
  }

  private static String subject(View view, Cues.Match m, LifeEvent event) {
    if (COMPANY.contains(event)) {
      return "company";
    }
    int from = Math.max(0, m.first() - 6);
    int to = Math.min(view.size() - 1, m.last() + 6);
    Map<String, Set<String>> who = new java.util.LinkedHashMap<>();
    who.put("pet", PETS);
    who.put("friend", FRIENDS);
    who.put("family", FAMILY);
    for (Map.Entry<String, Set<String>> w : who.entrySet()) {
      for (int i = from; i <= to; i++) {
        if (w.getValue().contains(view.token(i).norm())) {
          return w.getKey();
        }
      }
    }
    for (int i = Math.max(0, m.first() - 4); i <= Math.min(view.size() - 1, m.last() + 2); i++) {
      if (SELF.contains(view.token(i).norm())) {
        return "self";
      }
    }
    return event == LifeEvent.ILLNESS ? "self" : "";
  }

  private static boolean[] questionClauses(View view) {
    boolean[] q = new boolean[view.size()];
    int from = 0;
    for (int i = 0; i < view.size(); i++) {
      Token t = view.token(i);
      if (t.endsClause() || i == view.size() - 1) {
        boolean question = t.norm().equals("?");
        for (int j = from; j <= i; j++) {
          q[j] = question;
        }
        from = i + 1;
      }
    }
    return q;
  }
}
