package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rapport.listening.NormalizedPost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * One Kafka-mode matcher against Kafka's mock consumer: offsets are committed only after the write,
 * a failed write is read again, a killed matcher commits nothing, and a record that is not a post
 * goes to the dead letters instead of blocking its partition. The producer side keys by author and
 * carries the source in a header.
 */
class KafkaMatcherTest {

  private static final String TOPIC = "posts";
  private static final TopicPartition TP = new TopicPartition(TOPIC, 0);

  /**
   * The mock consumer, remembering what was committed (the mock forgets it on close) and, like a
   * real log, handing records out again after a seek back (the mock drops what it handed out).
   */
  static final class Recording extends MockConsumer<String, String> {
    final List<Map<TopicPartition, OffsetAndMetadata>> commits = new CopyOnWriteArrayList<>();
    final List<ConsumerRecord<String, String>> log = new CopyOnWriteArrayList<>();
    final List<Long> seeks = new CopyOnWriteArrayList<>();

    Recording() {
      super("earliest");
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      super.commitSync(offsets);
      commits.add(Map.copyOf(offsets));
    }

    @Override
    public synchronized void addRecord(ConsumerRecord<String, String> record) {
      super.addRecord(record);
      if (!log.contains(record)) {
        log.add(record);
      }
    }

    private volatile boolean handedOut;

    @Override
    public synchronized ConsumerRecords<String, String> poll(Duration timeout) {
      ConsumerRecords<String, String> records = super.poll(timeout);
      handedOut |= !records.isEmpty();
      return records;
    }

    @Override
    public synchronized void seek(TopicPartition partition, long offset) {
      super.seek(partition, offset);
      if (handedOut) {
        // a seek by the matcher (the mock seeks itself when it first assigns the partition)
        seeks.add(offset);
        log.stream().filter(r -> r.offset() >= offset).toList().forEach(super::addRecord);
      }
    }

    long lastCommitted() {
      return commits.isEmpty() ? -1 : commits.get(commits.size() - 1).get(TP).offset();
    }
  }

  static NormalizedPost post(int i) {
    return new NormalizedPost(
        "mastodon",
        "n" + i,
        new NormalizedPost.Author("@a" + (i % 3) + "@x.example", "A", "https://x.example/@a"),
        "text " + i,
        "https://x.example/" + i,
        Instant.parse("2026-11-01T10:00:00Z").plusSeconds(i),
        "en",
        null,
        null,
        null,
        Map.of("likes", (long) i),
        "{\"raw\":" + i + "}");
  }

  private static void feed(Recording consumer, List<String> values) {
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(TP));
          consumer.updateBeginningOffsets(Map.of(TP, 0L));
          for (int i = 0; i < values.size(); i++) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(PostsTopic.SOURCE_HEADER, "42".getBytes(StandardCharsets.UTF_8));
            consumer.addRecord(
                new ConsumerRecord<>(
                    TOPIC,
                    0,
                    i,
                    System.currentTimeMillis(),
                    org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                    0,
                    0,
                    "k",
                    values.get(i),
                    headers,
                    java.util.Optional.empty()));
          }
        });
  }

  private static List<String> encoded(int n) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(PostsTopic.encode(post(i)));
    }
    return values;
  }

  private static Thread start(KafkaMatcher matcher) {
    Thread t = new Thread(matcher, matcher.name());
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static ListeningProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("rapport.listening", ListeningProperties.class);
  }

  @Test
  void kafkaModeIsOffUnlessChosenCommitsAreManualAndAMisspeltModeIsRefused() {
    ListeningProperties defaults = bind(Map.of());
    assertThat(defaults.mode()).isEqualTo("in-process");
    assertThat(defaults.kafka().topic()).isEqualTo("rapport.posts");
    assertThat(defaults.kafka().instances()).isEqualTo(2);

    ListeningProperties kafka =
        bind(
            Map.of(
                "rapport.listening.mode", "kafka",
                "rapport.listening.kafka.bootstrap-servers", "broker:9093",
                "rapport.listening.kafka.properties.session.timeout.ms", "9000",
                "rapport.listening.kafka.properties.enable.auto.commit", "true"));
    Map<String, Object> consumer = KafkaMatcher.consumerConfig(kafka.kafka(), 500, "c");
    assertThat(consumer)
        .containsEntry("bootstrap.servers", "broker:9093")
        .containsEntry("group.id", "rapport-matchers")
        .containsEntry("session.timeout.ms", "9000")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("max.poll.records", 500);
    assertThat(PostsTopic.producerConfig(kafka.kafka()))
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true);

    assertThatThrownBy(() -> bind(Map.of("rapport.listening.mode", "kakfa")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("must be in-process or kafka");
  }

  @Test
  void postsSurviveTheTripThroughTheTopicKeyedByAuthorWithTheirSource() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    PostsTopic topic = new PostsTopic(producer, TOPIC);
    List<NormalizedPost> posts = List.of(post(1), post(2));
    assertThat(topic.publish(7L, posts).join()).isEqualTo(IngestQueue.BatchOutcome.EMPTY);
    List<ProducerRecord<String, String>> sent = producer.history();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).key()).isEqualTo("mastodon:@a1@x.example");
    assertThat(PostsTopic.sourceId(sent.get(0).headers())).isEqualTo(7L);
    assertThat(PostsTopic.decode(sent.get(0).value())).isEqualTo(post(1));
    assertThat(PostsTopic.decode(sent.get(1).value())).isEqualTo(post(2));
  }

  @Test
  void aBatchIsCommittedOnlyAfterItsWriteAndReadAgainWhenTheWriteFailed() {
    Recording consumer = new Recording();
    feed(consumer, encoded(5));
    AtomicInteger attempts = new AtomicInteger();
    List<String> stored = new CopyOnWriteArrayList<>();
    AtomicReference<Long> source = new AtomicReference<>();
    KafkaMatcher matcher =
        new KafkaMatcher(
            "m",
            consumer,
            TOPIC,
            Duration.ofMillis(10),
            (sourceId, posts, since) -> {
              // no commit may have happened before the write it covers
              assertThat(consumer.commits).isEmpty();
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
              }
              source.set(sourceId);
              posts.forEach(p -> stored.add(p.nativeId()));
              return new IngestQueue.BatchOutcome(posts.size(), 0, 0);
            },
            (sourceId, reason, raw) -> {
              throw new AssertionError("nothing refused");
            });
    Thread t = start(matcher);
    await().atMost(Duration.ofSeconds(10)).until(() -> consumer.lastCommitted() == 5);
    matcher.stop();
    await().atMost(Duration.ofSeconds(10)).until(matcher::done);
    assertThat(attempts).hasValue(2);
    assertThat(consumer.seeks).containsExactly(0L);
    assertThat(stored).containsExactly("n0", "n1", "n2", "n3", "n4");
    assertThat(source.get()).isEqualTo(42L);
    assertThat(matcher.records()).isEqualTo(10);
    assertThat(matcher.mentions()).isEqualTo(5);
    assertThat(consumer.closed()).isTrue();
    assertThat(t.isAlive()).isFalse();
  }

  @Test
  void aKilledMatcherWritesTheBatchInHandButNeverCommitsIt() {
    Recording consumer = new Recording();
    feed(consumer, encoded(3));
    KafkaMatcher[] self = new KafkaMatcher[1];
    List<String> stored = new CopyOnWriteArrayList<>();
    self[0] =
        new KafkaMatcher(
            "victim",
            consumer,
            TOPIC,
            Duration.ofMillis(10),
            (sourceId, posts, since) -> {
              posts.forEach(p -> stored.add(p.nativeId()));
              self[0].kill(); // dies between the write and the commit
              return new IngestQueue.BatchOutcome(posts.size(), 0, 0);
            },
            (sourceId, reason, raw) -> {});
    start(self[0]);
    await().atMost(Duration.ofSeconds(10)).until(self[0]::done);
    assertThat(stored).containsExactly("n0", "n1", "n2");
    assertThat(consumer.commits).isEmpty();
    assertThat(consumer.closed()).isTrue();
  }

  @Test
  void aRecordThatIsNotAPostIsDeadLetteredAndPassed() {
    Recording consumer = new Recording();
    List<String> values = new ArrayList<>(encoded(2));
    values.add(1, "{not json");
    values.add("{\"network\":\"mastodon\"}");
    feed(consumer, values);
    List<String> refused = new CopyOnWriteArrayList<>();
    List<String> stored = new CopyOnWriteArrayList<>();
    KafkaMatcher matcher =
        new KafkaMatcher(
            "m",
            consumer,
            TOPIC,
            Duration.ofMillis(10),
            (sourceId, posts, since) -> {
              posts.forEach(p -> stored.add(p.nativeId()));
              return new IngestQueue.BatchOutcome(0, posts.size(), 0);
            },
            (sourceId, reason, raw) -> refused.add(sourceId + " " + reason + " " + raw));
    start(matcher);
    await().atMost(Duration.ofSeconds(10)).until(() -> consumer.lastCommitted() == 4);
    matcher.stop();
    await().atMost(Duration.ofSeconds(10)).until(matcher::done);
    assertThat(stored).containsExactly("n0", "n1");
    assertThat(refused)
        .containsExactly(
            "42 record posts-0@1 is not a post {not json",
            "42 record posts-0@3 is not a post {\"network\":\"mastodon\"}");
    assertThat(matcher.unmatched()).isEqualTo(2);
  }
}
