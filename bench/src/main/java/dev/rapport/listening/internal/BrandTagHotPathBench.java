package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CPU cost of brand-tag counting on the hot path, apart from the database: the engine
 * classifier with 10,000 keyword rules on the same posts the ingest benchmark writes (30 %
 * matching, 20 % carrying one of #Brand0..#Brand199), alone and followed by the brand-tag lookup
 * with 200 tags; alternating rounds on one thread, the best round of each. Prints ns per post of
 * both and of the lookup alone. Usage: java -cp ...
 * dev.rapport.listening.internal.BrandTagHotPathBench [posts]
 */
public final class BrandTagHotPathBench {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int rules = 10_000;
    EngineClassifier classifier = new EngineClassifier(JsonMapper.builder().build());
    Map<String, String> ruleTexts = new HashMap<>();
    for (int i = 0; i < rules; i++) {
      ruleTexts.put(String.valueOf(i), "kw" + i + ", phrase" + i + " words");
    }
    classifier.load(ruleTexts);
    List<BrandTagIndex.Entry> tags = new ArrayList<>();
    for (int k = 0; k < 200; k++) {
      String tag = "#Brand" + k;
      tags.add(new BrandTagIndex.Entry(BrandTagIndex.key(tag), tag));
    }
    BrandTagIndex index = new BrandTagIndex(tags);
    List<NormalizedPost> posts = posts(n, rules, new Random(42));

    long bestPlain = Long.MAX_VALUE;
    long bestWith = Long.MAX_VALUE;
    long bestLookup = Long.MAX_VALUE;
    long sink = 0;
    for (int round = 0; round < 7; round++) {
      long t0 = System.nanoTime();
      for (NormalizedPost p : posts) {
        sink += classifier.classify(p).ruleIds().size();
      }
      long t1 = System.nanoTime();
      for (NormalizedPost p : posts) {
        sink += classifier.classify(p).ruleIds().size();
        sink += index.find(p.text()).size();
      }
      long t2 = System.nanoTime();
      for (NormalizedPost p : posts) {
        sink += index.find(p.text()).size();
      }
      long t3 = System.nanoTime();
      bestPlain = Math.min(bestPlain, t1 - t0);
      bestWith = Math.min(bestWith, t2 - t1);
      bestLookup = Math.min(bestLookup, t3 - t2);
    }
    System.out.printf(
        "posts=%d rules=%d brand_tags=200 classify_ns_per_post=%d classify_and_tags_ns_per_post=%d"
            + " tag_lookup_ns_per_post=%d ratio=%.3f (sink %d)%n",
        n, rules, bestPlain / n, bestWith / n, bestLookup / n, (double) bestPlain / bestWith, sink);
  }

  private static List<NormalizedPost> posts(int n, int rules, Random random) {
    String[] filler = {
      "the",
      "quick",
      "update",
      "shipping",
      "today",
      "coffee",
      "team",
      "release",
      "notes",
      "weekend",
      "meetup",
      "remote",
      "hiring",
      "design",
      "review",
      "customers",
      "support"
    };
    List<NormalizedPost> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 20; w++) {
        text.append(filler[random.nextInt(filler.length)]).append(' ');
      }
      if (random.nextDouble() < 0.2) {
        String tag = "Brand" + random.nextInt(200);
        text.append(random.nextBoolean() ? "#" + tag : "#" + tag.toUpperCase()).append(' ');
      }
      if (random.nextDouble() < 0.3) {
        text.append(
            random.nextBoolean() ? "kw" + random.nextInt(rules) : "#kw" + random.nextInt(rules));
      }
      out.add(
          new NormalizedPost(
              "mastodon",
              "hot-" + i,
              new NormalizedPost.Author(
                  "@user" + random.nextInt(5000) + "@bench.example", null, null),
              text.toString(),
              null,
              Instant.parse("2026-11-01T10:00:00Z"),
              "en",
              null,
              null,
              null,
              Map.of(),
              null));
    }
    return out;
  }
}
