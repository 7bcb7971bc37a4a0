package dev.rapport.listening.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Kafka mode's matching side: {@code rapport.listening.kafka.instances} matchers in this process,
 * each its own consumer (and thread) in the group {@code rapport.listening.kafka.group-id}. Any
 * number of processes may run them; Kafka spreads the topic's partitions over every matcher in the
 * group, so run at most as many in all as the topic has partitions. With zero instances this
 * process only produces.
 */
@Component
@ConditionalOnProperty(
    prefix = "rapport.listening",
    name = "mode",
    havingValue = ListeningProperties.KAFKA_MODE)
class KafkaMatchers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KafkaMatchers.class);

  private final ListeningProperties props;
  private final Ingest ingest;
  private final DeadLetterStore deadLetters;
  private final List<KafkaMatcher> matchers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final ListeningRules rules;
  private ScheduledExecutorService refresher;
  private volatile boolean running;

  KafkaMatchers(
      ListeningProperties props, Ingest ingest, DeadLetterStore deadLetters, ListeningRules rules) {
    // rules loaded them on creation, so the matchers never classify with an empty rule set
    this.props = props;
    this.ingest = ingest;
    this.deadLetters = deadLetters;
    this.rules = rules;
  }

  @Override
  public synchronized void start() {
    ListeningProperties.Kafka kafka = props.kafka();
    if (kafka.instances() > 0) {
      // rules saved through another process reload only that process's matcher
      long ms = Math.max(100, kafka.rulesRefresh().toMillis());
      refresher =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "kafka-matcher-rules");
                t.setDaemon(true);
                return t;
              });
      refresher.scheduleWithFixedDelay(this::refreshRules, ms, ms, TimeUnit.MILLISECONDS);
    }
    for (int i = 0; i < kafka.instances(); i++) {
      String name = "kafka-matcher-" + i;
      KafkaMatcher matcher =
          new KafkaMatcher(
              name,
              new KafkaConsumer<>(
                  KafkaMatcher.consumerConfig(
                      kafka, Math.max(1, props.batchSize()), "rapport-" + name)),
              kafka.topic(),
              kafka.pollTimeout(),
              ingest::storeBatch,
              (sourceId, reason, raw) ->
                  deadLetters.record(sourceId, "kafka:" + kafka.topic(), reason, raw));
      Thread t = new Thread(matcher, name);
      t.setDaemon(true);
      matchers.add(matcher);
      threads.add(t);
      t.start();
    }
    running = true;
  }

  private void refreshRules() {
    try {
      if (rules.reloadIfChanged()) {
        log.info("listening rules changed elsewhere; reloaded");
      }
    } catch (RuntimeException e) {
      log.warn("reloading listening rules failed: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (refresher != null) {
      refresher.shutdownNow();
      refresher = null;
    }
    matchers.forEach(KafkaMatcher::stop);
    for (Thread t : threads) {
      try {
        t.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    matchers.clear();
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Totals over this process's matchers, for the ingest stats. */
  synchronized Map<String, Object> stats() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", props.kafka().topic());
    m.put("groupId", props.kafka().groupId());
    m.put("matchers", matchers.stream().filter(x -> !x.done()).count());
    m.put("records", matchers.stream().mapToLong(KafkaMatcher::records).sum());
    m.put("mentions", matchers.stream().mapToLong(KafkaMatcher::mentions).sum());
    m.put("unmatched", matchers.stream().mapToLong(KafkaMatcher::unmatched).sum());
    m.put("duplicates", matchers.stream().mapToLong(KafkaMatcher::duplicates).sum());
    m.put("commits", matchers.stream().mapToLong(KafkaMatcher::commits).sum());
    return m;
  }

  /** The matchers of this process, in start order. */
  synchronized List<KafkaMatcher> matchers() {
    return List.copyOf(matchers);
  }
}
