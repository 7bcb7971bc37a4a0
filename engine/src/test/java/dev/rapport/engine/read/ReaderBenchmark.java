package dev.rapport.engine.read;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The readers measured on real, human-labelled posts of a training folder (see docs/readers.md),
 * with VADER (MIT; compound at +-0.05, its authors' thresholds) run beside them on the same posts:
 * the SemEval-2016 official test split (never trained on), sources never trained on, the five-point
 * strength ratings of the held-out split, and life-event recall on the pattern-mined posts.
 *
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes:... \
 *   dev.rapport.engine.read.ReaderBenchmark /path/to/training
 * </pre>
 */
public final class ReaderBenchmark {

  private ReaderBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/training");
    boolean errors = List.of(args).contains("--errors");
    PostReader reader = PostReader.create();
    Function<String, Integer> ours = t -> label(reader.read(t, "en", BrandSet.NONE));
    Function<String, Integer> vader = t -> vaderLabel(vader(t));
    System.out.println("# Sentiment, three classes (macro recall = SemEval's AvgRec)");
    List<RealSentimentTraining.Labelled> semeval = RealSentimentTraining.semeval(root);
    sentiment(
        "SemEval-2016 test (official, held out)",
        select(semeval, p -> p.part().equals(RealSentimentTraining.TEST_SET)),
        ours,
        vader);
    List<RealSentimentTraining.Labelled> sms = new ArrayList<>();
    List<RealSentimentTraining.Labelled> journal = new ArrayList<>();
    for (Map<?, ?> row :
        Corpus.rows(
            root, "semeval2017_task4_sentiment/subtaskA_sms_livejournal_non_twitter.jsonl")) {
      int l = List.of(RealSentimentTraining.LABELS).indexOf(Corpus.string(row, "label"));
      String domain = Corpus.string(row, "domain");
      (domain.equals("sms") ? sms : journal).add(labelled(row, l, domain));
    }
    sentiment("source held out: SemEval SMS 2013 test", sms, ours, vader);
    sentiment("source held out: SemEval LiveJournal 2014 test", journal, ours, vader);
    sentiment(
        "source held out: CrowdFlower @Apple tweets",
        labelled(root, "crowdflower_apple_twitter_sentiment/apple_sentiment.jsonl", "label"),
        ours,
        vader);
    sentiment(
        "source held out: @AmazonHelp inbound (TWCS 300)",
        labelled(root, "twcs_amazonhelp_sentiment300/amazonhelp_sentiment.jsonl", "label"),
        ours,
        vader);
    sentiment(
        "source held out: adidas tweets",
        labelled(root, "adidas_purchase_intent_tweets/adidas_intent_sentiment.jsonl", "sentiment"),
        ours,
        vader);
    sentiment(
        "source held out: GoEmotions (Reddit, grouped, 1 in 4)",
        select(RealSentimentTraining.goEmotions(root), p -> Corpus.fraction(p.text()) < 0.25),
        ours,
        vader);
    sentiment("project test split", RealSentimentTraining.projectTest(), ours, vader);
    System.out.println(
        "# Sentiment strength: Pearson r with five-point ratings (SemEval-2016 C/E)");
    List<Strength.Rated> rated = new ArrayList<>();
    for (Strength.Rated r : Strength.rated(root)) {
      if (r.part().equals(RealSentimentTraining.TEST_SET)) {
        rated.add(r);
      }
    }
    double[] y = new double[rated.size()];
    double[] a = new double[rated.size()];
    double[] b = new double[rated.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = rated.get(i).rating();
      a[i] = reader.read(rated.get(i).text(), "en", BrandSet.NONE).sentiment().get().score();
      b[i] = vader(rated.get(i).text());
    }
    System.out.printf(
        Locale.ROOT,
        "%-50s n=%5d  ours r %.3f   VADER r %.3f%n",
        "SemEval-2016 C/E test (held out)",
        y.length,
        Strength.pearson(a, y),
        Strength.pearson(b, y));
    if (List.of(args).contains("--strength-table")) {
      Strength.table(root, RealSentimentTraining.DEV_SET, RealSentimentTraining.TEST_SET);
    }
    LifeEventBenchmark.run(root, reader, errors);
    ComplaintBenchmark.run(root, reader, errors);
  }

  static Integer label(Reading r) {
    return r.sentiment()
        .map(
            s ->
                s.label() == SentimentLabel.NEGATIVE
                    ? 0
                    : s.label() == SentimentLabel.POSITIVE ? 2 : 1)
        .orElse(1);
  }

  static double vader(String text) {
    try {
      SentimentAnalyzer a = new SentimentAnalyzer(text);
      a.analyze();
      Float c = a.getPolarity().get("compound");
      return c == null ? 0 : c;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static int vaderLabel(double compound) {
    return compound >= 0.05 ? 2 : compound <= -0.05 ? 0 : 1;
  }

  private static RealSentimentTraining.Labelled labelled(Map<?, ?> row, int label, String part) {
    return new RealSentimentTraining.Labelled(Corpus.text(row), label, part);
  }

  private static List<RealSentimentTraining.Labelled> labelled(
      Path root, String file, String field) {
    List<RealSentimentTraining.Labelled> out = new ArrayList<>();
    for (Map<?, ?> row : Corpus.rows(root, file)) {
      int l = List.of(RealSentimentTraining.LABELS).indexOf(Corpus.string(row, field));
      if (l >= 0) {
        out.add(labelled(row, l, file));
      }
    }
    return out;
  }

  private static List<RealSentimentTraining.Labelled> select(
      List<RealSentimentTraining.Labelled> all,
      java.util.function.Predicate<RealSentimentTraining.Labelled> p) {
    return all.stream().filter(p).toList();
  }

  private static void sentiment(
      String name,
      List<RealSentimentTraining.Labelled> posts,
      Function<String, Integer> ours,
      Function<String, Integer> vader) {
    int[][] o = new int[3][3];
    int[][] v = new int[3][3];
    for (RealSentimentTraining.Labelled p : posts) {
      o[p.label()][ours.apply(p.text())]++;
      v[p.label()][vader.apply(p.text())]++;
    }
    RealSentimentTraining.Scores so = RealSentimentTraining.Scores.of(o);
    RealSentimentTraining.Scores sv = RealSentimentTraining.Scores.of(v);
    System.out.printf(Locale.ROOT, "%-50s n=%5d  ours  %s%n", name, posts.size(), so);
    System.out.printf(Locale.ROOT, "%-50s %7s  VADER %s%n", "", "", sv);
  }
}
