package dev.rapport.bench.matching;

import dev.rapport.engine.match.Match;
import dev.rapport.engine.match.Post;
import dev.rapport.engine.oracle.LuceneTranslation;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Rapport's matcher against Lucene Monitor on identical rules and posts, in one JVM: index build
 * time, heap per rule, identical matches, per-post p50/p99, and JMH throughput in batches of 100 on
 * one thread and on all cores. Ends with one summary line for 100,000 rules.
 */
public final class MatchingBench {
  private MatchingBench() {}

  public static void main(String[] args) throws IOException, RunnerException {
    boolean quick = Arrays.asList(args).contains("--quick");
    int[] ruleCounts = quick ? new int[] {100_000} : new int[] {1_000, 10_000, 100_000};
    int postCount = quick ? 10_000 : 100_000;
    int cores = Runtime.getRuntime().availableProcessors();
    String summary = "";
    System.out.printf(
        "# matching bench: %s, %d posts of 20-40 Zipf words, %d cores, %s%n",
        quick ? "quick" : "full", postCount, cores, Runtime.version());
    for (int rules : ruleCounts) {
      Workload w = Workload.build(rules, postCount, 42);
      int compared = Math.min(postCount, quick ? 1_000 : 10_000);
      int[] agreement = identical(w, compared);
      boolean identical = agreement[0] == compared;
      long[] ours = latencies(w, Math.min(postCount, quick ? 10_000 : 50_000), false);
      long[] lucene = latencies(w, quick ? 200 : 1_000, true);
      double[] cpu = cpuThroughput(w, quick ? 8 : 20);
      double[] one = throughput(rules, 1, quick);
      double[] all = cores > 1 ? throughput(rules, cores, quick) : one;
      double bytesPerRule = (double) w.matcherBytes / rules;
      System.out.printf(
          Locale.ROOT,
          "%nrules=%d posts=%d matched_posts=%.1f%% identical=%s (%d/%d posts)%n"
              + "  build: rapport %.2f s, lucene monitor %.2f s%n"
              + "  heap per rule: rapport %.0f B, lucene monitor %.0f B%n"
              + "  per post (one at a time): rapport p50 %.1f us p99 %.1f us; lucene monitor p50 %.1f us p99 %.1f us%n"
              + "  batches of 100, 1 thread, posts per CPU-second (interleaved slices): rapport %.0f, lucene monitor %.0f, ratio %.1f%n"
              + "  batches of 100, 1 thread (JMH, wall clock): rapport %.0f posts/s, lucene monitor %.0f posts/s, ratio %.1f%n"
              + "  batches of 100, %d threads (JMH, wall clock): rapport %.0f posts/s, lucene monitor %.0f posts/s, ratio %.1f%n",
          rules,
          postCount,
          100.0 * agreement[1] / compared,
          identical,
          agreement[0],
          compared,
          w.matcherBuildNanos / 1e9,
          w.monitorBuildNanos / 1e9,
          bytesPerRule,
          (double) w.monitorBytes / rules,
          ours[0] / 1e3,
          ours[1] / 1e3,
          lucene[0] / 1e3,
          lucene[1] / 1e3,
          cpu[0],
          cpu[1],
          cpu[0] / cpu[1],
          one[0],
          one[1],
          one[0] / one[1],
          cores,
          all[0],
          all[1],
          all[0] / all[1]);
      summary =
          String.format(
              Locale.ROOT,
              "rules=%d posts_per_s=%.0f lucene_monitor_posts_per_s=%.0f ratio=%.1f identical=%s bytes_per_rule=%.0f",
              rules,
              cpu[0],
              cpu[1],
              cpu[0] / cpu[1],
              identical,
              bytesPerRule);
      w.monitor.close();
    }
    System.out.println(summary);
  }

  /** Posts on which both engines return the same rule ids, and posts that matched anything. */
  private static int[] identical(Workload w, int count) throws IOException {
    int same = 0;
    int matched = 0;
    for (int b = 0; b * Workload.BATCH < count; b++) {
      List<Post> batch = w.batches.get(b);
      Document[] docs = w.documentBatches.get(b);
      MultiMatchingQueries<QueryMatch> expected = w.monitor.match(docs, QueryMatch.SIMPLE_MATCHER);
      List<List<Match>> actual = w.matcher.matchAll(batch);
      for (int i = 0; i < batch.size(); i++) {
        Set<String> want =
            expected.getMatches(i).stream()
                .map(QueryMatch::getQueryId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> got =
            actual.get(i).stream()
                .map(Match::ruleId)
                .collect(Collectors.toCollection(TreeSet::new));
        same += want.equals(got) ? 1 : 0;
        matched += got.isEmpty() ? 0 : 1;
      }
    }
    return new int[] {same, matched};
  }

  /** p50 and p99 in nanoseconds of matching posts one at a time. */
  private static long[] latencies(Workload w, int count, boolean lucene) throws IOException {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      Post post = w.posts.get(i);
      long start = System.nanoTime();
      if (lucene) {
        w.monitor.match(LuceneTranslation.document(post), QueryMatch.SIMPLE_MATCHER);
      } else {
        w.matcher.match(post);
      }
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return new long[] {nanos[count / 2], nanos[Math.min(count - 1, count * 99 / 100)]};
  }

  /**
   * Posts per CPU-second of the matching thread for {rapport, lucene monitor}, batches of 100. The
   * engines alternate in half-second slices so that both see the same machine: on a shared machine
   * wall-clock rates swing with other processes, the CPU time a batch costs does not.
   */
  private static double[] cpuThroughput(Workload w, int rounds) throws IOException {
    java.lang.management.ThreadMXBean bean =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long[] posts = new long[2];
    long[] cpuNanos = new long[2];
    int[] cursor = new int[2];
    for (int round = 0; round < rounds; round++) {
      for (int engine = 0; engine < 2; engine++) {
        long wallEnd = System.nanoTime() + 500_000_000L;
        long cpuStart = bean.getCurrentThreadCpuTime();
        do {
          int b = cursor[engine]++ % w.batches.size();
          if (engine == 0) {
            w.matcher.matchAll(w.batches.get(b));
          } else {
            w.monitor.match(w.documentBatches.get(b), QueryMatch.SIMPLE_MATCHER);
          }
          posts[engine] += Workload.BATCH;
        } while (System.nanoTime() < wallEnd);
        if (round > 0) {
          cpuNanos[engine] += bean.getCurrentThreadCpuTime() - cpuStart;
        } else {
          posts[engine] = 0;
        }
      }
    }
    return new double[] {posts[0] / (cpuNanos[0] / 1e9), posts[1] / (cpuNanos[1] / 1e9)};
  }

  /** Posts per second for {rapport, lucene monitor}, batches of 100, measured by JMH. */
  private static double[] throughput(int rules, int threads, boolean quick) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(MatchingBenchmark.class.getName() + ".*")
            .param("rules", String.valueOf(rules))
            .forks(0)
            .threads(threads)
            .warmupIterations(quick ? 1 : 2)
            .warmupTime(TimeValue.seconds(quick ? 2 : 3))
            .measurementIterations(quick ? 1 : 3)
            .measurementTime(TimeValue.seconds(quick ? 3 : 4))
            .timeUnit(TimeUnit.SECONDS)
            .verbosity(quick ? VerboseMode.SILENT : VerboseMode.NORMAL)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    double rapport = 0;
    double lucene = 0;
    for (RunResult r : results) {
      double postsPerSecond = r.getPrimaryResult().getScore() * Workload.BATCH;
      if (r.getParams().getBenchmark().endsWith("rapport")) {
        rapport = postsPerSecond;
      } else {
        lucene = postsPerSecond;
      }
    }
    return new double[] {rapport, lucene};
  }
}
