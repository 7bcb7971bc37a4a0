package dev.rapport.listening.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of sources and ingest, under {@code rapport.listening.*}; see the README table. */
@ConfigurationProperties("rapport.listening")
record ListeningProperties(
    @DefaultValue("4") int queueBatches,
    @DefaultValue("200") int batchSize,
    @DefaultValue("2") int workers,
    @DefaultValue("16384") int rawMaxChars,
    @DefaultValue("1048576") int webhookMaxBytes,
    @DefaultValue("1000") int webhookMaxPosts,
    @DefaultValue List<String> allowedHosts,
    @DefaultValue("true") boolean schedulerEnabled,
    @DefaultValue("1s") Duration tick,
    @DefaultValue("./data/imports") String fileDir,
    @DefaultValue("5s") Duration backoffBase,
    @DefaultValue("1h") Duration backoffMax,
    @DefaultValue("5242880") int maxFetchBytes,
    @DefaultValue("in-process") String mode,
    @DefaultValue("5s") Duration lockTimeout,
    @DefaultValue Kafka kafka) {

  /** The value of {@code rapport.listening.mode} that moves matching behind a Kafka topic. */
  static final String KAFKA_MODE = "kafka";

  ListeningProperties {
    // a misspelt mode would otherwise quietly run in-process
    if (!"in-process".equalsIgnoreCase(mode) && !KAFKA_MODE.equalsIgnoreCase(mode)) {
      throw new IllegalArgumentException(
          "rapport.listening.mode must be in-process or kafka, not '" + mode + "'");
    }
  }

  /**
   * Kafka mode ({@code rapport.listening.mode=kafka}): sources produce to {@code topic}, and {@code
   * instances} matchers per process consume it in the consumer group {@code groupId}; they look for
   * rules changed by other processes every {@code rulesRefresh}. {@code properties} are passed to
   * the producer and the consumers as they are (security, session timeout, ...).
   */
  record Kafka(
      @DefaultValue("localhost:9092") String bootstrapServers,
      @DefaultValue("rapport.posts") String topic,
      @DefaultValue("rapport-matchers") String groupId,
      @DefaultValue("2") int instances,
      @DefaultValue("500ms") Duration pollTimeout,
      @DefaultValue("30s") Duration sendTimeout,
      @DefaultValue("10s") Duration rulesRefresh,
      @DefaultValue Map<String, String> properties) {}
}
