package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads life events and sales triggers from cue matches, skipping wishes, denials and quotes. */
final class EventReader {

  private static final Set<String> NEGATORS =
      Words.of(
          "not", "no", "never", "don't", "dont", "didn't", "didnt", "isn't", "isnt", "wasn't",
          "wasnt", "won't", "wont", "without", "nobody", "aren't", "arent", "haven't", "havent");

  /** Words that make what follows a wish, a plan or a search rather than news. */
  private static final Set<String> UNREAL =
      Words.of(
          "looking",
          "searching",
          "hunting",
          "hoping",
          "hope",
          "wish",
          "want",
          "wants",
          "need",
          "needs",
          "applying",
          "apply",
          "if",
          "dream",
          "someday",
          "maybe",
          "whether",
          "should",
          "would",
          "could",
          "might");

  private static final Set<String> PETS =
      Words.of(
          "dog", "cat", "pup", "puppy", "kitten", "pet", "dog's", "cat's", "doggo", "pupper",
          "horse", "bunny", "vet");

  private static final Set<String> FAMILY =
      Words.of(
          "mom",
          "mother",
          "dad",
          "father",
          "mum",
          "wife",
          "husband",
          "son",
          "daughter",
          "brother",
          "sister",
          "grandma",
          "grandmother",
          "grandpa",
          "grandfather",
          "kid",
          "kids",
          "baby",
          "partner",
          "aunt",
          "uncle",
          "cousin",
          "mom's",
          "dad's",
          "parents",
          "family",
          "friend",
          "niece",
          "nephew",
          "fiance",
          "boyfriend",
          "girlfriend");

  private static final Set<LifeEvent> COMPANY =
      Set.of(
          LifeEvent.FUNDING,
          LifeEvent.HIRING,
          LifeEvent.EXPANSION,
          LifeEvent.BUDGET_CUT,
          LifeEvent.LAYOFFS);

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
    if (event != LifeEvent.ILLNESS && event != LifeEvent.BEREAVEMENT) {
      return "";
    }
    int from = Math.max(0, m.first() - 6);
    int to = Math.min(view.size() - 1, m.last() + 6);
    for (int i = from; i <= to; i++) {
      if (PETS.contains(view.token(i).norm())) {
        return "pet";
      }
    }
    for (int i = from; i <= to; i++) {
      if (FAMILY.contains(view.token(i).norm())) {
        return "family";
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
