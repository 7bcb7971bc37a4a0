package dev.rapport.bench.crash;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/** The crash test's input: a JSONL file of posts that all match its one rule. */
final class CrashPosts {

  private CrashPosts() {}

  /** Writes the posts, every one containing the rule's keyword; returns their native ids. */
  static Set<String> write(Path file, int n, Random random, String network) throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    String[] filler = {
      "the", "quick", "update", "shipping", "today", "coffee", "team", "release", "notes", "meetup"
    };
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 12; w++) {
          text.append(filler[random.nextInt(filler.length)]).append(' ');
        }
        if (random.nextBoolean()) {
          text.insert(0, "crashword ");
        } else {
          text.append("#crashword");
        }
        String id = "crash-" + i;
        ids.add(id);
        out.write(
            "{\"network\":\""
                + network
                + "\",\"id\":\""
                + id
                + "\",\"author\":{\"handle\":\"@user"
                + random.nextInt(2000)
                + "@crash.example\"},\"text\":\""
                + text.toString().trim()
                + "\",\"url\":\"https://crash.example/@u/"
                + i
                + "\",\"createdAt\":\"2026-11-01T10:00:00Z\",\"language\":\"en\"}\n");
      }
    }
    return ids;
  }
}
