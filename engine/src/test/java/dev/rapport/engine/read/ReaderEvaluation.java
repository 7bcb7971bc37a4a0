package dev.rapport.engine.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the readers on the labelled evaluation set and prints precision, recall and F1 per label.
 * Run: {@code java -cp engine/target/classes:engine/target/test-classes
 * dev.rapport.engine.read.ReaderEvaluation [dev|test] [--errors] [--write FILE]}.
 */
public final class ReaderEvaluation {

  static final BrandSet BRANDS =
      BrandSet.of(List.of("Acme", "@acmehq"), List.of("Globex", "Initech"));

  private static final String[] SENTIMENTS = {"negative", "neutral", "positive"};

  /** One labelled post. */
  record Post(
      String id,
      String text,
      String lang,
      String sentiment,
      Set<String> intents,
      Set<String> events) {}

  /** Counts for one label. */
  static final class Counts {
    int tp;
    int fp;
    int fn;

    double precision() {
      return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    void add(boolean expected, boolean actual) {
      if (expected && actual) {
        tp++;
      } else if (actual) {
        fp++;
      } else if (expected) {
        fn++;
      }
    }
  }

  private static boolean SCORES = false;

  private ReaderEvaluation() {}

  public static void main(String[] args) throws IOException {
    String split = args.length > 0 && !args[0].startsWith("--") ? args[0] : "dev";
    boolean errors = List.of(args).contains("--errors");
    SCORES = List.of(args).contains("--scores");
    Map<String, Counts> counts = new LinkedHashMap<>();
    Map<String, Double> figures = evaluate(split, counts, errors);
    System.out.printf(Locale.ROOT, "split=%s posts=%d%n", split, load(split).size());
    System.out.printf(
        Locale.ROOT, "%-28s %9s %9s %9s %6s%n", "label", "precision", "recall", "f1", "n");
    for (Map.Entry<String, Counts> e : counts.entrySet()) {
      Counts c = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "%-28s %9.3f %9.3f %9.3f %6d%n",
          e.getKey(),
          c.precision(),
          c.recall(),
          c.f1(),
          c.tp + c.fn);
    }
    for (Map.Entry<String, Double> f : figures.entrySet()) {
      System.out.printf(Locale.ROOT, "%s=%.3f%n", f.getKey(), f.getValue());
    }
    int write = List.of(args).indexOf("--write");
    if (write >= 0) {
      try (Writer w = Files.newBufferedWriter(Path.of(args[write + 1]))) {
        w.write(
            "# Recorded reader figures on the "
                + split
                + " split; ReaderFiguresTest fails when"
                + " one drops by more than 0.02.\n");
        for (Map.Entry<String, Double> f : figures.entrySet()) {
          w.write(String.format(Locale.ROOT, "%s=%.3f%n", f.getKey(), f.getValue()));
        }
      }
    }
  }

  /** The headline figures for a split; counts receives per-label counts. */
  static Map<String, Double> evaluate(String split, Map<String, Counts> counts, boolean errors) {
    PostReader reader = PostReader.create();
    Map<String, Counts> sentiment = new LinkedHashMap<>();
    for (String s : SENTIMENTS) {
      sentiment.put(s, new Counts());
    }
    Map<String, Counts> intents = new LinkedHashMap<>();
    for (Intent i : Intent.values()) {
      intents.put(i.name().toLowerCase(Locale.ROOT), new Counts());
    }
    Map<String, Counts> events = new LinkedHashMap<>();
    for (LifeEvent e : LifeEvent.values()) {
      events.put(e.name().toLowerCase(Locale.ROOT), new Counts());
    }
    Counts anyEvent = new Counts();
    Counts unsupported = new Counts();
    int langRight = 0;
    int total = 0;
    for (Post p : load(split)) {
      total++;
      Reading r = reader.read(p.text(), BRANDS);
      boolean english = p.lang().equals("en");
      unsupported.add(!english, !r.isSupported());
      if (english == r.isSupported()) {
        langRight++;
      }
      if (!english) {
        if (errors && r.isSupported()) {
          System.out.println("LANG " + p.lang() + " -> " + r.language() + " | " + p.text());
        }
        continue;
      }
      String got =
          r.sentiment().map(s -> s.label().name().toLowerCase(Locale.ROOT)).orElse("unsupported");
      for (String s : SENTIMENTS) {
        sentiment.get(s).add(p.sentiment().equals(s), got.equals(s));
      }
      if (SCORES) {
        System.out.printf(
            Locale.ROOT,
            "SCORE\t%s\t%.4f%n",
            p.sentiment(),
            r.sentiment().map(Sentiment::score).orElse(0.0));
      }
      if (errors && !got.equals(p.sentiment())) {
        System.out.printf(
            Locale.ROOT,
            "SENT %s -> %s (%.3f) | %s%n",
            p.sentiment(),
            got,
            r.sentiment().map(Sentiment::score).orElse(0.0),
            p.text());
      }
      Set<String> gotIntents = new HashSet<>();
      r.intents().forEach(i -> gotIntents.add(i.intent().name().toLowerCase(Locale.ROOT)));
      for (Map.Entry<String, Counts> e : intents.entrySet()) {
        boolean want = p.intents().contains(e.getKey());
        boolean have = gotIntents.contains(e.getKey());
        e.getValue().add(want, have);
        if (errors && want != have) {
          System.out.println((want ? "MISS " : "FALSE ") + e.getKey() + " | " + p.text());
        }
      }
      Set<String> gotEvents = new HashSet<>();
      r.events().forEach(e -> gotEvents.add(e.event().name().toLowerCase(Locale.ROOT)));
      for (Map.Entry<String, Counts> e : events.entrySet()) {
        boolean want = p.events().contains(e.getKey());
        boolean have = gotEvents.contains(e.getKey());
        e.getValue().add(want, have);
        anyEvent.add(want, have);
        if (errors && want != have) {
          System.out.println((want ? "MISS " : "FALSE ") + e.getKey() + " | " + p.text());
        }
      }
    }
    sentiment.forEach((k, v) -> counts.put("sentiment." + k, v));
    intents.forEach((k, v) -> counts.put("intent." + k, v));
    events.forEach((k, v) -> counts.put("event." + k, v));
    counts.put("events.micro", anyEvent);
    counts.put("language.unsupported", unsupported);
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(
        "sentiment.macro_f1",
        sentiment.values().stream().mapToDouble(Counts::f1).average().orElse(0));
    for (String s : SENTIMENTS) {
      figures.put("sentiment." + s + ".f1", sentiment.get(s).f1());
    }
    intents.forEach((k, v) -> figures.put("intent." + k + ".f1", v.f1()));
    figures.put("events.micro_f1", anyEvent.f1());
    figures.put("language.accuracy", langRight / (double) total);
    return figures;
  }

  static List<Post> load(String split) {
    String resource = "eval/posts-" + split + ".jsonl";
    List<Post> posts = new ArrayList<>();
    try (InputStream in = ReaderEvaluation.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no evaluation split " + split);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        posts.add(post(JsonLines.object(line)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(resource + ": " + e.getMessage(), e);
    }
    return posts;
  }

  private static Post post(Map<?, ?> m) {
    return new Post(
        (String) m.get("id"),
        (String) m.get("text"),
        (String) m.get("lang"),
        m.containsKey("sentiment") ? (String) m.get("sentiment") : "",
        strings(m.get("intents")),
        strings(m.get("events")));
  }

  private static Set<String> strings(Object list) {
    Set<String> out = new HashSet<>();
    for (Object o : (List<?>) list) {
      out.add((String) o);
    }
    return out;
  }
}
