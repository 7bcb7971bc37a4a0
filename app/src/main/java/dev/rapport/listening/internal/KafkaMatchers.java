package dev.rapport.listening.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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

  private final ListeningProperties props;
  private final Ingest ingest;
  private final DeadLetters deadLetters;
  private final List<KafkaMatcher> matchers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  KafkaMatchers(
      ListeningProperties props, Ingest ingest, DeadLetters deadLetters, ListeningRules rules) {
    // rules: the matcher must hold the enabled rules before the first post is classified
    this.props = props;
    this.ingest = ingest;
    this.deadLetters = deadLetters;
  }

  @Override
  public synchronized void start() {
    ListeningProperties.Kafka kafka = props.kafka();
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

  @Override
  public synchronized void stop() {
    running = false;
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

  /** The matchers of this process, in start order. */
  synchronized List<KafkaMatcher> matchers() {
    return List.copyOf(matchers);
  }
}
