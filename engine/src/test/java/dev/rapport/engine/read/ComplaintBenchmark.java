package dev.rapport.engine.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Complaint vs not on the hand-labelled sample of real posts ({@code eval/complaint-sample.tsv}:
 * source, post id and label; the texts are looked up in the training folder). VADER's stand-in
 * reads a complaint wherever its compound is negative.
 */
final class ComplaintBenchmark {

  private static final Map<String, String[]> SOURCES =
      Map.of(
          "ibm", new String[] {"ibm_twitter_customer_care/user_turns.jsonl", "tweet_id"},
          "spotify",
              new String[] {
                "twcs_spotifycares_inbound/spotifycares_inbound.jsonl", "twcs_tweet_id"
              },
          "semeval", new String[] {RealSentimentTraining.SEMEVAL_A, "tweet_id"});

  private ComplaintBenchmark() {}

  /** The sample's texts and labels, in the file's order. */
  static Map<String, Boolean> sample(Path root) {
    Map<String, Map<String, String>> texts = new HashMap<>();
    Map<String, Boolean> out = new LinkedHashMap<>();
    try (InputStream in =
            ComplaintBenchmark.class.getResourceAsStream("eval/complaint-sample.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        Map<String, String> byId =
            texts.computeIfAbsent(
                f[0],
                s -> {
                  Map<String, String> m = new HashMap<>();
                  for (Map<?, ?> row : Corpus.rows(root, SOURCES.get(s)[0])) {
                    m.putIfAbsent(Corpus.string(row, SOURCES.get(s)[1]), Corpus.text(row));
                  }
                  return m;
                });
        String text = byId.get(f[1]);
        if (text != null) {
          out.put(text, f[2].equals("1"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static void run(Path root, PostReader reader, boolean errors) {
    System.out.println("# Complaint vs not: hand-labelled sample (one labeller)");
    int[][] ours = new int[2][2];
    int[][] vader = new int[2][2];
    Map<String, Boolean> sample = sample(root);
    for (Map.Entry<String, Boolean> e : sample.entrySet()) {
      Reading r = reader.read(e.getKey(), "en", BrandSet.NONE);
      boolean complaint = r.intents().stream().anyMatch(i -> i.intent() == Intent.COMPLAINT);
      boolean negative = ReaderBenchmark.vader(e.getKey()) <= -0.05;
      int want = e.getValue() ? 1 : 0;
      ours[want][complaint ? 1 : 0]++;
      vader[want][negative ? 1 : 0]++;
      if (errors && complaint != e.getValue()) {
        System.out.println((e.getValue() ? "MISS  " : "FALSE ") + e.getKey().replace('\n', ' '));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-50s n=%5d  ours macro-F1 %.3f (complaint P %.2f R %.2f)   VADER-negative macro-F1 %.3f%n",
        "complaint sample (IBM, @SpotifyCares, SemEval)",
        sample.size(),
        macroF1(ours),
        precision(ours),
        recall(ours),
        macroF1(vader));
  }

  private static double precision(int[][] c) {
    return c[1][1] + c[0][1] == 0 ? 0 : c[1][1] / (double) (c[1][1] + c[0][1]);
  }

  private static double recall(int[][] c) {
    return c[1][1] + c[1][0] == 0 ? 0 : c[1][1] / (double) (c[1][1] + c[1][0]);
  }

  static double macroF1(int[][] c) {
    double sum = 0;
    for (int k = 0; k < 2; k++) {
      int tp = c[k][k];
      int fp = c[1 - k][k];
      int fn = c[k][1 - k];
      sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / 2;
  }

  static List<String> sources() {
    return List.copyOf(SOURCES.keySet());
  }
}
