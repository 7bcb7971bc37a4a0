package dev.rapport.bench.readers;

import dev.rapport.engine.read.BrandSet;
import dev.rapport.engine.read.InterestProfiler;
import dev.rapport.engine.read.PostReader;
import dev.rapport.engine.read.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Posts per second for all readers together (language, sentiment, intents, events, topics) on one
 * thread, over generated 30-token posts, with a baseline in the same process: lower-casing and
 * splitting the same posts on spaces. Rates are per CPU-second of the one reading thread, so they
 * hold per core on a shared machine. Run through {@code bench/readers.sh}.
 */
public final class ReadersBench {

  private static final String[] WORDS = {
    "the",
    "a",
    "my",
    "our",
    "is",
    "was",
    "and",
    "but",
    "not",
    "never",
    "so",
    "very",
    "really",
    "Acme",
    "@acmehq",
    "Globex",
    "#crm",
    "app",
    "support",
    "team",
    "new",
    "job",
    "looking",
    "for",
    "recommend",
    "anyone",
    "CRM",
    "down",
    "again",
    "charged",
    "me",
    "twice",
    "love",
    "great",
    "terrible",
    "waiting",
    "still",
    "today",
    "tomorrow",
    "flight",
    "to",
    "Lisbon",
    "karaoke",
    "concert",
    "hiring",
    "promoted",
    "raised",
    "$5M",
    "seed",
    "round",
    "sick",
    "dog",
    "vet",
    "passed",
    "away",
    "moving",
    "wedding",
    "baby",
    "happy",
    "sad",
    "thanks",
    "!",
    "?",
    ".",
    ",",
    "😍",
    "😡",
    "👍",
    ":)",
    "lol",
    "soooo",
    "GOOD",
    "bad",
    "why",
    "how",
    "do",
    "I",
    "switch",
    "from",
    "vs",
    "price",
    "budget",
    "cut",
    "laid",
    "off",
    "coffee",
    "music",
    "game",
    "run"
  };

  private ReadersBench() {}

  public static void main(String[] args) {
    boolean quick = List.of(args).contains("--quick");
    long warmupMs = quick ? 3_000 : 8_000;
    long measureMs = quick ? 2_000 : 8_000;
    List<String> posts = posts(4_096, 30, new Random(20261123));
    PostReader reader = PostReader.create();
    BrandSet brands = BrandSet.of(List.of("Acme", "@acmehq"), List.of("Globex"));
    InterestProfiler profiler = InterestProfiler.create();
    System.out.printf(
        Locale.ROOT,
        "posts=%d tokens_per_post=30 avg_chars=%.1f threads=1 quick=%s%n",
        posts.size(),
        posts.stream().mapToInt(String::length).average().orElse(0),
        quick);
    System.out.printf(
        Locale.ROOT,
        "java=%s cpus_visible=%d%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    run(
        "baseline lower-case+split",
        posts,
        warmupMs,
        p -> p.toLowerCase(Locale.ROOT).split(" ").length);
    double base =
        run(
            "baseline lower-case+split",
            posts,
            measureMs,
            p -> p.toLowerCase(Locale.ROOT).split(" ").length);
    run("all readers", posts, warmupMs, p -> sink(reader.read(p, brands)));
    double readers = run("all readers", posts, measureMs, p -> sink(reader.read(p, brands)));
    List<InterestProfiler.Post> batch = new ArrayList<>();
    for (int i = 0; i < posts.size(); i++) {
      batch.add(new InterestProfiler.Post("p" + i, posts.get(i)));
    }
    long t0 = System.nanoTime();
    int rounds = quick ? 3 : 10;
    for (int r = 0; r < rounds; r++) {
      profiler.profile(batch);
    }
    double profiled = rounds * batch.size() / ((System.nanoTime() - t0) / 1e9);
    System.out.printf(Locale.ROOT, "interest profiler: %.0f posts/s%n", profiled);
    System.out.printf(
        Locale.ROOT, "readers vs baseline: %.1fx slower than lower-case+split%n", base / readers);
    System.out.println("posts_per_s is per CPU-second of the reading thread (one core)");
    System.out.printf(Locale.ROOT, "posts_per_s=%.0f%n", readers);
  }

  private interface Work {
    int apply(String post);
  }

  private static int sink;

  private static int sink(Reading r) {
    return r.intents().size()
        + r.events().size()
        + r.topics().size()
        + (r.sentiment().isPresent() ? 1 : 0);
  }

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * Runs work for the given wall time and returns posts per second of this thread's CPU time, so
   * the figure is per core even when the machine is shared; the wall-clock rate is printed too.
   */
  private static double run(String name, List<String> posts, long millis, Work work) {
    // Runs until the thread has had `millis` of CPU (so a busy machine gets the same amount of
    // work and the JIT a fair warm-up), or ten times that in wall time.
    long end = System.nanoTime() + 10 * millis * 1_000_000;
    long cpuStart = CPU.getCurrentThreadCpuTime();
    long cpuEnd = cpuStart + millis * 1_000_000;
    long start = System.nanoTime();
    long n = 0;
    int acc = 0;
    while (System.nanoTime() < end && CPU.getCurrentThreadCpuTime() < cpuEnd) {
      for (int i = 0; i < 256; i++) {
        acc += work.apply(posts.get((int) (n++ % posts.size())));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    sink += acc;
    double rate = n / cpuSeconds;
    System.out.printf(
        Locale.ROOT,
        "%-28s %10.0f posts per CPU-second, %10.0f posts per wall-second (%d posts, %.1f s wall,"
            + " %.1f s CPU)%n",
        name,
        rate,
        n / seconds,
        n,
        seconds,
        cpuSeconds);
    return rate;
  }

  static List<String> posts(int count, int tokens, Random random) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder b = new StringBuilder();
      for (int t = 0; t < tokens; t++) {
        if (t > 0) {
          b.append(' ');
        }
        b.append(WORDS[random.nextInt(WORDS.length)]);
      }
      out.add(b.toString());
    }
    return out;
  }
}
