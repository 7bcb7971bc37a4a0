package dev.rapport.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ingest running beside the users: every second a batch of posts to the webhook source, half of
 * them matching the rule, from 500 authors (so persons are created early and found later).
 */
final class Poster implements Runnable {

  static final String ROUTE = "POST /api/v1/ingest (webhook batch, background)";
  private static final String[] WORDS = {
    "love",
    "the",
    "new",
    "release",
    "pricing",
    "support",
    "crm",
    "team",
    "great",
    "slow",
    "fast",
    "today",
    "demo",
    "price",
    "spam",
    "question"
  };

  private final LoadApp app;
  private final String token;
  private final int perSecond;
  private final Recorder recorder;
  private final AtomicBoolean running;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Random random = new Random(11);
  private long posts;
  private long matching;
  private long requests;
  private long next;

  Poster(LoadApp app, String token, int perSecond, Recorder recorder, AtomicBoolean running) {
    this.app = app;
    this.token = token;
    this.perSecond = perSecond;
    this.recorder = recorder;
    this.running = running;
  }

  @Override
  public void run() {
    long tick = System.nanoTime();
    while (running.get()) {
      if (perSecond > 0) {
        send(batch());
      }
      tick += 1_000_000_000L;
      long wait = (tick - System.nanoTime()) / 1_000_000;
      if (wait > 0) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private String batch() {
    StringBuilder b = new StringBuilder("{\"posts\":[");
    for (int i = 0; i < perSecond; i++) {
      long id = next++;
      int author = random.nextInt(500);
      boolean matches = random.nextBoolean();
      if (matches) {
        matching++;
      }
      StringBuilder text = new StringBuilder(matches ? "rapport" : "other");
      for (int w = 0; w < 12; w++) {
        text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      }
      if (i > 0) {
        b.append(',');
      }
      b.append(
          ("{\"network\":\"mastodon\",\"id\":\"load-%d\",\"text\":\"%s\","
                  + "\"author\":{\"handle\":\"@loadauthor%d@load.example\",\"displayName\":\"Author"
                  + " %d\",\"profileUrl\":\"https://load.example/@loadauthor%d\"},"
                  + "\"url\":\"https://load.example/@loadauthor%d/%d\",\"createdAt\":\"%s\"}")
              .formatted(id, text, author, author, author, author, id, Instant.now()));
    }
    return b.append("]}").toString();
  }

  private void send(String body) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(LoadBench.uri(app.port, "/api/v1/ingest"))
                  .timeout(Duration.ofSeconds(60))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      requests++;
      if (r.statusCode() / 100 == 2) {
        recorder.ok(ROUTE, System.nanoTime() - start);
        posts += perSecond;
      } else {
        recorder.failed(ROUTE, System.nanoTime() - start, "status " + r.statusCode());
      }
    } catch (Exception e) {
      recorder.failed(ROUTE, System.nanoTime() - start, e.getClass().getSimpleName());
    }
  }

  long posts() {
    return posts;
  }

  /** Posts sent that the rule matches (they become mentions). */
  long matching() {
    return matching;
  }

  long requests() {
    return requests;
  }
}
