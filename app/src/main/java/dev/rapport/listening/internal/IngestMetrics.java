package dev.rapport.listening.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Ingest's meters for operators (docs/operations.md): posts received, matched and refused per
 * source (tagged with the source's id, never its name), the queue's depth, and the matcher's and
 * readers' time per post.
 */
@Component
class IngestMetrics {

  private final MeterRegistry registry;
  private final Timer match;
  private final Timer read;

  IngestMetrics(MeterRegistry registry, ObjectProvider<Ingest> ingest) {
    this.registry = registry;
    this.match =
        Timer.builder("rapport.ingest.match")
            .description("time the rule matcher takes per post")
            .register(registry);
    this.read =
        Timer.builder("rapport.ingest.read")
            .description("time the readers take per matched post")
            .register(registry);
    Gauge.builder("rapport.ingest.queue.depth", () -> ingest.getObject().queueDepth())
        .description("batches waiting in the in-process ingest queue")
        .register(registry);
  }

  void received(Long sourceId, int posts) {
    count("rapport.ingest.posts.received", sourceId, posts);
  }

  void refused(Long sourceId, int posts) {
    count("rapport.ingest.posts.refused", sourceId, posts);
  }

  /** Posts refused because their author was erased (also counted as refused). */
  void blocked(Long sourceId, int posts) {
    count("rapport.ingest.posts.refused", sourceId, posts);
    count("rapport.ingest.posts.blocked", sourceId, posts);
  }

  void matched(Long sourceId, int posts) {
    count("rapport.ingest.posts.matched", sourceId, posts);
  }

  Timer match() {
    return match;
  }

  Timer read() {
    return read;
  }

  private void count(String name, Long sourceId, int n) {
    Counter.builder(name)
        .tag("source", sourceId == null ? "none" : sourceId.toString())
        .register(registry)
        .increment(n);
  }
}
