package dev.rapport.engine.read;

import java.util.List;

/** A topic of the interest taxonomy shown by one post, its weight in (0, 1] and the spans. */
public record TopicSignal(String topic, double weight, List<Evidence> evidence) {

  public TopicSignal {
    if (topic == null || !(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("topic and a weight in (0, 1] are required");
    }
    evidence = List.copyOf(evidence);
  }
}
