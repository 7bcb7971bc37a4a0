package dev.rapport.bench.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import org.apache.lucene.monitor.QueryMatch;

/**
 * Why does throughput not double on two threads? Runs batches of 100 on one thread, then on two at
 * once, alternating, and reports per engine the CPU time and heap allocated per post of each
 * matching thread. On a shared machine wall-clock rates swing; CPU time per post only grows with
 * two threads when they slow each other down (shared caches, memory bandwidth, contended state,
 * GC).
 *
 * <pre>
 * java -cp ... dev.rapport.bench.matching.MatchingScaling [--lucene] [--rules N] [--rounds N]
 * </pre>
 */
public final class MatchingScaling {
  private MatchingScaling() {}

  private static final com.sun.management.ThreadMXBean BEAN =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    boolean lucene = Arrays.asList(args).contains("--lucene");
    int rules = intArg(args, "--rules", 100_000);
    int rounds = intArg(args, "--rounds", 4);
    double seconds = intArg(args, "--millis", 2000) / 1000.0;
    Workload w = Workload.build(rules, 10_000, 42, lucene);
    System.out.printf(
        "# scaling: %d rules, %d batches of %d posts, %s%n",
        rules, w.batches.size(), Workload.BATCH, Runtime.version());
    int engines = lucene ? 2 : 1;
    // warm up both engines on one thread and on two
    for (int e = 0; e < engines; e++) {
      run(w, e, 1, seconds * 2);
      run(w, e, 2, seconds);
    }
    double[][] sum = new double[engines * 2][3];
    for (int r = 0; r < rounds; r++) {
      for (int e = 0; e < engines; e++) {
        for (int threads = 1; threads <= 2; threads++) {
          double[] m = run(w, e, threads, seconds);
          double[] acc = sum[e * 2 + threads - 1];
          for (int i = 0; i < 3; i++) {
            acc[i] += m[i];
          }
          System.out.printf(
              Locale.ROOT,
              "round %d %-7s %d thread(s): %7.2f us CPU/post, %6.0f B/post, %8.0f posts/s wall%n",
              r,
              e == 0 ? "rapport" : "lucene",
              threads,
              m[0] / 1e3,
              m[1],
              m[2]);
        }
      }
    }
    for (int e = 0; e < engines; e++) {
      double[] one = sum[e * 2];
      double[] two = sum[e * 2 + 1];
      System.out.printf(
          Locale.ROOT,
          "%s: CPU/post 1 thread %.2f us, 2 threads %.2f us (x%.3f); alloc/post %.0f B / %.0f B%n",
          e == 0 ? "rapport" : "lucene",
          one[0] / rounds / 1e3,
          two[0] / rounds / 1e3,
          two[0] / one[0],
          one[1] / rounds,
          two[1] / rounds);
    }
    if (lucene) {
      System.out.printf(
          Locale.ROOT,
          "CPU-time ratio lucene/rapport: 1 thread %.1f, 2 threads %.1f%n",
          sum[2][0] / sum[0][0],
          sum[3][0] / sum[1][0]);
      w.monitor.close();
    }
  }

  private static int intArg(String[] args, String name, int fallback) {
    int i = Arrays.asList(args).indexOf(name);
    return i >= 0 ? Integer.parseInt(args[i + 1]) : fallback;
  }

  /** {CPU ns per post, allocated bytes per post, posts per wall second} over all threads. */
  private static double[] run(Workload w, int engine, int threads, double seconds)
      throws Exception {
    long[] cpu = new long[threads];
    long[] alloc = new long[threads];
    long[] posts = new long[threads];
    CyclicBarrier barrier = new CyclicBarrier(threads);
    long[] wall = new long[1];
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      ts[t] =
          new Thread(
              () -> {
                try {
                  barrier.await();
                  long start = System.nanoTime();
                  long end = start + (long) (seconds * 1e9);
                  long tid = Thread.currentThread().getId();
                  long cpu0 = BEAN.getCurrentThreadCpuTime();
                  long alloc0 = BEAN.getThreadAllocatedBytes(tid);
                  int b = id * 37;
                  long n = 0;
                  do {
                    int i = b++ % w.batches.size();
                    if (engine == 0) {
                      w.matcher.matchAll(w.batches.get(i));
                    } else {
                      w.monitor.match(w.documentBatches.get(i), QueryMatch.SIMPLE_MATCHER);
                    }
                    n += Workload.BATCH;
                  } while (System.nanoTime() < end);
                  cpu[id] = BEAN.getCurrentThreadCpuTime() - cpu0;
                  alloc[id] = BEAN.getThreadAllocatedBytes(tid) - alloc0;
                  posts[id] = n;
                  if (id == 0) {
                    wall[0] = System.nanoTime() - start;
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    long p = Arrays.stream(posts).sum();
    return new double[] {
      (double) Arrays.stream(cpu).sum() / p,
      (double) Arrays.stream(alloc).sum() / p,
      p / (wall[0] / 1e9)
    };
  }
}
