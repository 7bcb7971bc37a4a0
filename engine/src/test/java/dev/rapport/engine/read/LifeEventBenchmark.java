package dev.rapport.engine.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Life-event recall on real posts that announce one: the pattern-mined candidates of the training
 * folder ({@code distant_life_events_regex}, labels by regular expression, so recall only), those
 * without a negation or hypothetical cue counted apart.
 */
final class LifeEventBenchmark {

  static final String FILE = "distant_life_events_regex/life_event_candidates.jsonl";

  private LifeEventBenchmark() {}

  static void run(Path root, PostReader reader, boolean errors) {
    System.out.println("# Life events: recall on posts announcing one (distant labels)");
    Map<String, int[]> byType = new TreeMap<>();
    int[] all = new int[2];
    int[] plain = new int[2];
    for (Map<?, ?> row : Corpus.rows(root, FILE)) {
      Reading r = reader.read(Corpus.text(row), "en", BrandSet.NONE);
      boolean found = !r.events().isEmpty();
      if (errors && !found) {
        System.out.println(
            "MISS  " + row.get("labels") + " " + Corpus.text(row).replace('\n', ' '));
      }
      boolean cautious = Boolean.TRUE.equals(row.get("has_negation_or_hypothetical_cue"));
      for (Object l : (List<?>) row.get("labels")) {
        int[] c = byType.computeIfAbsent((String) l, k -> new int[2]);
        c[0] += found ? 1 : 0;
        c[1]++;
      }
      all[0] += found ? 1 : 0;
      all[1]++;
      if (!cautious) {
        plain[0] += found ? 1 : 0;
        plain[1]++;
      }
    }
    byType.forEach(
        (k, c) ->
            System.out.printf(
                Locale.ROOT, "%-50s n=%5d  recall %.3f%n", "  " + k, c[1], c[0] / (double) c[1]));
    System.out.printf(
        Locale.ROOT,
        "%-50s n=%5d  recall %.3f%n",
        "all candidates",
        all[1],
        all[0] / (double) all[1]);
    System.out.printf(
        Locale.ROOT,
        "%-50s n=%5d  recall %.3f%n",
        "without negation/hypothetical cue",
        plain[1],
        plain[0] / (double) plain[1]);
  }
}
