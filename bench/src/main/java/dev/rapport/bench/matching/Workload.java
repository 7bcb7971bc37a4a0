package dev.rapport.bench.matching;

import dev.rapport.engine.match.Matcher;
import dev.rapport.engine.match.Post;
import dev.rapport.engine.oracle.ListeningRuleGenerator;
import dev.rapport.engine.oracle.LuceneTranslation;
import dev.rapport.engine.oracle.PostGenerator;
import dev.rapport.engine.oracle.Vocabulary;
import dev.rapport.engine.rules.Expr;
import dev.rapport.engine.rules.Rule;
import dev.rapport.engine.rules.RuleParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;

/**
 * Identical rules and posts for both engines: listening rules about brands, Zipf posts of 20-40
 * words where brand names are rare and 2% of posts have a rule's words planted. Built once per rule
 * count and shared by the driver and the JMH benchmark (which runs in the same JVM).
 */
final class Workload {
  static final int BATCH = 100;
  private static final Map<Integer, Workload> CACHE = new ConcurrentHashMap<>();

  final int ruleCount;
  final List<String> ruleTexts = new ArrayList<>();
  final List<Post> posts = new ArrayList<>();
  final List<List<Post>> batches = new ArrayList<>();
  final List<Document[]> documentBatches = new ArrayList<>();
  Matcher matcher;
  Monitor monitor;
  long matcherBuildNanos;
  long monitorBuildNanos;
  long matcherBytes;
  long monitorBytes;

  private Workload(int ruleCount) {
    this.ruleCount = ruleCount;
  }

  static Workload get(int ruleCount) {
    Workload w = CACHE.get(ruleCount);
    if (w == null) {
      throw new IllegalStateException("workload for " + ruleCount + " rules not built");
    }
    return w;
  }

  static Workload build(int ruleCount, int postCount, long seed) {
    return build(ruleCount, postCount, seed, true);
  }

  /** The workload, with Lucene Monitor built too only when asked (it takes most of the time). */
  static Workload build(int ruleCount, int postCount, long seed, boolean withMonitor) {
    Workload w = new Workload(ruleCount);
    Random random = new Random(seed);
    Vocabulary common = new Vocabulary(50_000, 1.07, seed);
    ListeningRuleGenerator generator = new ListeningRuleGenerator(common, random, 300_000);
    List<Expr> exprs = new ArrayList<>(ruleCount);
    for (int i = 0; i < ruleCount; i++) {
      Expr e = generator.next();
      exprs.add(e);
      w.ruleTexts.add(new Rule(e).toString());
    }
    PostGenerator posts = new PostGenerator(common, random, generator, 0.002);
    for (int i = 0; i < postCount; i++) {
      Post p = posts.next();
      w.posts.add(
          random.nextInt(100) < 2 ? posts.plant(p, exprs.get(random.nextInt(ruleCount))) : p);
    }
    for (int from = 0; from + BATCH <= postCount; from += BATCH) {
      List<Post> batch = w.posts.subList(from, from + BATCH);
      w.batches.add(batch);
      w.documentBatches.add(
          batch.stream().map(LuceneTranslation::document).toArray(Document[]::new));
    }
    w.buildMatcher();
    if (withMonitor) {
      w.buildMonitor();
    }
    CACHE.put(ruleCount, w);
    return w;
  }

  private void buildMatcher() {
    long before = usedHeap();
    long start = System.nanoTime();
    Matcher m = new Matcher();
    for (int i = 0; i < ruleTexts.size(); i++) {
      m.put("r" + i, (Rule) RuleParser.parse(ruleTexts.get(i)));
    }
    matcherBuildNanos = System.nanoTime() - start;
    matcher = m;
    matcherBytes = usedHeap() - before;
  }

  private void buildMonitor() {
    long before = usedHeap();
    long start = System.nanoTime();
    try {
      Monitor mon = new Monitor(LuceneTranslation.analyzer());
      List<MonitorQuery> queries = new ArrayList<>(ruleTexts.size());
      for (int i = 0; i < ruleTexts.size(); i++) {
        Rule rule = (Rule) RuleParser.parse(ruleTexts.get(i));
        queries.add(new MonitorQuery("r" + i, LuceneTranslation.query(rule.expr())));
        if (queries.size() == 10_000) {
          mon.register(queries);
          queries.clear();
        }
      }
      mon.register(queries);
      monitorBuildNanos = System.nanoTime() - start;
      monitor = mon;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    monitorBytes = usedHeap() - before;
  }

  static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
