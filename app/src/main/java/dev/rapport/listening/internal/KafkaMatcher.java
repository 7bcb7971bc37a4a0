package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * One matcher of Kafka mode: a consumer in the matchers' group that polls a batch of posts, runs
 * them through the same classify-and-store path as the in-process workers, and commits the batch's
 * offsets synchronously only after that write committed. A crash between the write and the commit
 * makes the group redeliver the batch to whichever matcher takes the partition over; the unique
 * (network, native id) of mentions makes the second write store nothing new.
 */
final class KafkaMatcher implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(KafkaMatcher.class);

  /** Classifies and stores one source's posts in one transaction; throws when nothing was kept. */
  @FunctionalInterface
  interface Store {
    IngestQueue.BatchOutcome store(Long sourceId, List<NormalizedPost> posts, long sinceNanos);
  }

  /** Where records that are not a post go (with the source id from their header, if any). */
  @FunctionalInterface
  interface Refused {
    void refuse(Long sourceId, String reason, String raw);
  }

  private final String name;
  private final Consumer<String, String> consumer;
  private final String topic;
  private final Duration pollTimeout;
  private final Store store;
  private final Refused refused;
  private final Backoff backoff =
      new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), new Random());
  private final AtomicLong mentions = new AtomicLong();
  private final AtomicLong unmatched = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private volatile boolean stopping;
  private volatile boolean killed;
  private volatile boolean crashAfterWrite;
  private volatile boolean done;

  KafkaMatcher(
      String name,
      Consumer<String, String> consumer,
      String topic,
      Duration pollTimeout,
      Store store,
      Refused refused) {
    this.name = name;
    this.consumer = consumer;
    this.topic = topic;
    this.pollTimeout = pollTimeout;
    this.store = store;
    this.refused = refused;
  }

  /** The consumer settings: manual commits, start at the earliest record a new group sees. */
  static Map<String, Object> consumerConfig(
      ListeningProperties.Kafka kafka, int maxPollRecords, String clientId) {
    Map<String, Object> config = new HashMap<>(kafka.properties());
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.groupId());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return config;
  }

  String name() {
    return name;
  }

  @Override
  public void run() {
    int failures = 0;
    try {
      consumer.subscribe(List.of(topic));
      while (!stopping && !killed) {
        ConsumerRecords<String, String> batch = consumer.poll(pollTimeout);
        if (batch.isEmpty()) {
          continue;
        }
        try {
          handle(batch);
          failures = 0;
        } catch (RuntimeException e) {
          // nothing of the failed transaction was kept: read the batch again after a pause
          failures++;
          Duration wait = backoff.after(failures);
          log.warn("{}: storing {} posts failed, retrying in {}", name, batch.count(), wait, e);
          rewind(batch);
          Thread.sleep(wait.toMillis());
          continue;
        }
        if (killed || crashAfterWrite) {
          // died after the write, before the commit: the group will hand this batch out again
          killed = true;
          break;
        }
        commit(batch);
      }
    } catch (InterruptedException | InterruptException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("{}: matcher stopped", name, e);
    } finally {
      close();
      done = true;
    }
  }

  private void handle(ConsumerRecords<String, String> batch) {
    Map<Long, List<NormalizedPost>> bySource = new LinkedHashMap<>();
    long oldest = Long.MAX_VALUE;
    for (ConsumerRecord<String, String> r : batch) {
      records.incrementAndGet();
      Long sourceId = PostsTopic.sourceId(r.headers());
      NormalizedPost post;
      try {
        post = r.value() == null ? null : PostsTopic.decode(r.value());
      } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
        post = null;
      }
      if (post == null) {
        refused.refuse(
            sourceId,
            "record " + r.topic() + "-" + r.partition() + "@" + r.offset() + " is not a post",
            r.value());
        continue;
      }
      oldest = Math.min(oldest, r.timestamp());
      bySource.computeIfAbsent(sourceId, k -> new ArrayList<>()).add(post);
    }
    // latency from produce to store, as the in-process queue measures it from enqueue to store
    long since = System.nanoTime() - Math.max(0, System.currentTimeMillis() - oldest) * 1_000_000L;
    for (Map.Entry<Long, List<NormalizedPost>> e : bySource.entrySet()) {
      IngestQueue.BatchOutcome o = store.store(e.getKey(), e.getValue(), since);
      mentions.addAndGet(o.mentions());
      unmatched.addAndGet(o.unmatched());
      duplicates.addAndGet(o.duplicates());
    }
  }

  private void commit(ConsumerRecords<String, String> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : batch.partitions()) {
      List<ConsumerRecord<String, String>> rs = batch.records(tp);
      offsets.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
    }
    try {
      consumer.commitSync(offsets);
      commits.incrementAndGet();
    } catch (KafkaException e) {
      if (e instanceof InterruptException) {
        throw e;
      }
      // lost the partitions in a rebalance: whoever has them now reads the batch again, and the
      // store's dedupe keeps that from storing anything twice
      log.info(
          "{}: commit of {} records refused ({}); they will be redelivered",
          name,
          batch.count(),
          e.getMessage());
    }
  }

  /** Moves each partition of a failed batch back to its first record. */
  private void rewind(ConsumerRecords<String, String> batch) {
    for (TopicPartition tp : batch.partitions()) {
      try {
        consumer.seek(tp, batch.records(tp).get(0).offset());
      } catch (IllegalStateException notAssigned) {
        // revoked meanwhile: the next owner starts from the last commit
      }
    }
  }

  private void close() {
    try {
      if (killed) {
        // as if the process died: no commit, no goodbye; the group notices by the session timeout
        consumer.close(
            CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                .withTimeout(Duration.ZERO));
      } else {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      }
    } catch (RuntimeException e) {
      log.debug("{}: closing the consumer failed", name, e);
    }
  }

  /** Finishes (and commits) the batch in hand, then leaves the group. */
  void stop() {
    stopping = true;
  }

  /**
   * Dies like a killed process: the batch in hand is still written if it got that far, but its
   * offsets are never committed and the consumer does not leave the group, so its partitions and
   * uncommitted records go to the other matchers once the session times out.
   */
  void kill() {
    killed = true;
  }

  /**
   * Like {@link #kill}, but at a chosen moment: right after the next batch is written and before
   * its offsets are committed, the crash that leaves written records uncommitted. Tests use it to
   * show that their redelivery stores nothing twice.
   */
  void crashAfterNextWrite() {
    crashAfterWrite = true;
  }

  boolean done() {
    return done;
  }

  long mentions() {
    return mentions.get();
  }

  long unmatched() {
    return unmatched.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  long records() {
    return records.get();
  }

  long commits() {
    return commits.get();
  }
}
