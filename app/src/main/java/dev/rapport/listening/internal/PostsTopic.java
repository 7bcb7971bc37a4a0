package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka mode's source side: every valid post is produced to the posts topic as JSON, keyed by its
 * author ({@code network:handle}) so one author's posts stay in order on one partition and one
 * matcher resolves a new author at a time, with the source's id in a header. The producer is
 * idempotent with {@code acks=all}; a batch's future completes only when the broker acknowledged
 * every post in it, and only then does the source save its cursor. Sending blocks while the
 * producer's buffer is full, which is the source's back-pressure in this mode.
 */
@Component
@ConditionalOnProperty(
    prefix = "rapport.listening",
    name = "mode",
    havingValue = ListeningProperties.KAFKA_MODE)
class PostsTopic implements DisposableBean {

  /** The header carrying the id of the source a post came from (decimal text). */
  static final String SOURCE_HEADER = "rapport-source-id";

  /** The wire format: a plain mapper, independent of the application's JSON settings. */
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Producer<String, String> producer;
  private final String topic;

  @Autowired
  PostsTopic(ListeningProperties props) {
    this(new KafkaProducer<>(producerConfig(props.kafka())), props.kafka().topic());
  }

  PostsTopic(Producer<String, String> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  static Map<String, Object> producerConfig(ListeningProperties.Kafka kafka) {
    Map<String, Object> config = new HashMap<>(kafka.properties());
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) kafka.sendTimeout().toMillis());
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "rapport-sources");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return config;
  }

  String topic() {
    return topic;
  }

  /** The record key: the author's identity on its network. */
  static String key(NormalizedPost post) {
    return post.network() + ":" + post.author().handle();
  }

  static String encode(NormalizedPost post) {
    return JSON.writeValueAsString(post);
  }

  static NormalizedPost decode(String json) throws JacksonException {
    return JSON.readValue(json, NormalizedPost.class);
  }

  /** The source id in a record's header, or null. */
  static Long sourceId(Iterable<Header> headers) {
    Header h = null;
    for (Header each : headers) {
      if (each.key().equals(SOURCE_HEADER)) {
        h = each;
      }
    }
    if (h == null || h.value() == null) {
      return null;
    }
    try {
      return Long.valueOf(new String(h.value(), StandardCharsets.UTF_8));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Produces the posts; the future completes (with an empty outcome: nothing is matched yet) when
   * the broker acknowledged all of them, or fails with the first send error.
   */
  CompletableFuture<IngestQueue.BatchOutcome> publish(Long sourceId, List<NormalizedPost> posts) {
    List<CompletableFuture<Void>> acks = new ArrayList<>(posts.size());
    byte[] source = sourceId == null ? null : sourceId.toString().getBytes(StandardCharsets.UTF_8);
    for (NormalizedPost post : posts) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key(post), encode(post));
      if (source != null) {
        record.headers().add(SOURCE_HEADER, source);
      }
      CompletableFuture<Void> ack = new CompletableFuture<>();
      try {
        producer.send(
            record,
            (metadata, error) -> {
              if (error == null) {
                ack.complete(null);
              } else {
                ack.completeExceptionally(error);
              }
            });
      } catch (RuntimeException e) {
        ack.completeExceptionally(e);
      }
      acks.add(ack);
    }
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
        .thenApply(done -> IngestQueue.BatchOutcome.EMPTY);
  }

  @Override
  public void destroy() {
    producer.close(Duration.ofSeconds(5));
  }
}
