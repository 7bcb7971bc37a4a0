package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import dev.rapport.support.PersistenceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka mode end to end, against an in-process KRaft broker: the application's sources produce to
 * the posts topic, two matchers in one consumer group consume it, one of them is killed mid-stream
 * (right after a write, before its commit, and without leaving the group) and the survivor takes
 * its partitions over; every post is still stored exactly once.
 */
@PersistenceTest
@DirtiesContext
class KafkaModeTest {

  private static final int PARTITIONS = 4;
  private static final String TOPIC = "rapport.posts.test";
  private static final String GROUP = "rapport-matchers-" + UUID.randomUUID();
  private static EmbeddedKafkaKraftBroker broker;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    quietKafkaLogs();
    if (broker == null) {
      broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TOPIC);
      // a dead matcher is noticed after the session timeout; keep it short for the test
      broker.brokerProperty("group.min.session.timeout.ms", "1000");
      broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
      broker.afterPropertiesSet();
    }
    registry.add("rapport.listening.mode", () -> "kafka");
    registry.add("rapport.listening.kafka.bootstrap-servers", broker::getBrokersAsString);
    registry.add("rapport.listening.kafka.topic", () -> TOPIC);
    registry.add("rapport.listening.kafka.group-id", () -> GROUP);
    registry.add("rapport.listening.kafka.instances", () -> "2");
    registry.add("rapport.listening.kafka.properties.session.timeout.ms", () -> "3000");
    registry.add("rapport.listening.kafka.properties.heartbeat.interval.ms", () -> "500");
    registry.add("rapport.listening.batch-size", () -> "200");
    registry.add("rapport.listening.kafka.rules-refresh", () -> "300ms");
    registry.add("logging.level.org.apache.kafka", () -> "WARN");
    registry.add("logging.level.kafka", () -> "WARN");
    registry.add("logging.level.state.change.logger", () -> "WARN");
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.destroy();
      broker = null;
    }
  }

  @Autowired Sources sources;
  @Autowired ListeningRules rules;
  @Autowired KafkaMatchers matchers;
  @Autowired JdbcClient jdbc;
  @Autowired EngineClassifier classifier;

  @Test
  void twoMatchersOneKilledMidStreamStoreEveryPostExactlyOnce() throws Exception {
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String word = "zk" + run;
    rules.create("kafka " + word, word, true);
    String prefix = "k" + run + "-";

    int total = 6_000;
    int authors = 200;
    List<NormalizedPost> posts = new ArrayList<>(total);
    Set<String> matched = new HashSet<>();
    Set<String> unmatched = new HashSet<>();
    Set<String> matchedAuthors = new HashSet<>();
    for (int i = 0; i < total; i++) {
      boolean matches = i % 4 != 0;
      String id = prefix + i;
      String handle = "@a" + (i % authors) + "-" + run + "@kafka.example";
      String text = matches ? "thinking about " + word + " again, post " + i : "nothing, post " + i;
      posts.add(post(id, handle, text));
      (matches ? matched : unmatched).add(id);
      if (matches) {
        matchedAuthors.add(handle);
      }
    }
    // a few posts sent twice: once in order, once again later from another batch
    List<NormalizedPost> resent = new ArrayList<>();
    for (int i = 0; i < total; i += 97) {
      resent.add(posts.get(i));
    }

    List<KafkaMatcher> both = matchers.matchers();
    assertThat(both).hasSize(2);
    long started = System.nanoTime();
    CompletableFuture<Integer> producing =
        CompletableFuture.supplyAsync(
            () -> {
              int sent = 0;
              for (int from = 0; from < total; from += 250) {
                List<NormalizedPost> chunk = posts.subList(from, Math.min(total, from + 250));
                Sources.IngestOutcome o = sources.ingest("kafka-" + run, chunk);
                assertThat(o.received()).isEqualTo(chunk.size());
                assertThat(o.rejected()).isZero();
                sent += chunk.size();
                if (from == total / 2) {
                  sources.ingest("kafka-" + run, resent);
                  sent += resent.size();
                }
              }
              return sent;
            });

    // mid-stream: both matchers have stored some, a good part is still to come
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                both.get(0).mentions() > 0
                    && both.get(1).mentions() > 0
                    && stored(prefix) > matched.size() / 5);
    KafkaMatcher victim = both.get(0);
    KafkaMatcher survivor = both.get(1);
    victim.crashAfterNextWrite();
    await().atMost(Duration.ofSeconds(20)).until(victim::done);
    long storedAtKill = stored(prefix);
    assertThat(storedAtKill).isLessThan(matched.size());

    int produced = producing.get();
    assertThat(produced).isEqualTo(total + resent.size());
    // the survivor drains the topic: every record committed, every matched post stored
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> committed() == produced && stored(prefix) >= matched.size());
    double seconds = (System.nanoTime() - started) / 1e9;

    List<String> ids =
        jdbc.sql("select native_id from listening_mention where native_id like :p")
            .param("p", prefix + "%")
            .query(String.class)
            .list();
    assertThat(ids).hasSize(matched.size());
    assertThat(new HashSet<>(ids)).isEqualTo(matched);
    assertThat(
            jdbc.sql(
                    "select count(*) from listening_mention where native_id like :p"
                        + " and author_person_id is null")
                .param("p", prefix + "%")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(distinct author_person_id) from listening_mention"
                        + " where native_id like :p")
                .param("p", prefix + "%")
                .query(Long.class)
                .single())
        .isEqualTo(matchedAuthors.size());

    long records = victim.records() + survivor.records();
    long mentions = victim.mentions() + survivor.mentions();
    long unmatchedSeen = victim.unmatched() + survivor.unmatched();
    long duplicates = victim.duplicates() + survivor.duplicates();
    // the victim's last batch was written but never committed, so it was read twice
    assertThat(records).isGreaterThan(produced);
    assertThat(mentions).isEqualTo(matched.size());
    assertThat(duplicates).isGreaterThan(0);
    assertThat(unmatchedSeen).isGreaterThanOrEqualTo(unmatched.size());
    assertThat(mentions + unmatchedSeen + duplicates).isEqualTo(records);
    assertThat(survivor.done()).isFalse();

    // a rule saved by another process (straight into the table) reaches this process's matchers
    String elsewhere = "zl" + run;
    jdbc.sql(
            "insert into listening_rule (name, keywords, enabled, created_at)"
                + " values (:n, :k, true, :at)")
        .param("n", "elsewhere " + elsewhere)
        .param("k", elsewhere)
        .param("at", java.sql.Timestamp.from(Instant.now()))
        .update();
    NormalizedPost probe = post(prefix + "probe", "@probe@kafka.example", "about " + elsewhere);
    await().atMost(Duration.ofSeconds(10)).until(() -> classifier.classify(probe).matched());
    LoggerFactory.getLogger(KafkaModeTest.class)
        .info(
            "kafka mode: {} records for {} posts ({} sent twice) in {} s; killed at {} stored;"
                + " victim {} / survivor {} records; {} duplicates absorbed",
            records,
            total,
            resent.size(),
            String.format("%.1f", seconds),
            storedAtKill,
            victim.records(),
            survivor.records(),
            duplicates);
    matchers.stop();
  }

  private long stored(String prefix) {
    return jdbc.sql("select count(*) from listening_mention where native_id like :p")
        .param("p", prefix + "%")
        .query(Long.class)
        .single();
  }

  /** Offsets the matchers' group committed, summed over the topic's partitions. */
  private static long committed() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
      }
      long end =
          admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
      long done =
          offsets.values().stream()
              .filter(o -> o != null)
              .collect(Collectors.summingLong(OffsetAndMetadata::offset));
      // committed equals produced only once the group has caught up with the log's end
      return done == end ? done : -1;
    }
  }

  private static NormalizedPost post(String id, String handle, String text) {
    return TestPosts.post(id, handle, "Kafka Test", text, 60);
  }

  private static void quietKafkaLogs() {
    for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger")) {
      if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) {
        l.setLevel(ch.qos.logback.classic.Level.WARN);
      }
    }
  }
}
