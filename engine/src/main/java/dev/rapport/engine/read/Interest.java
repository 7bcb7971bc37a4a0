package dev.rapport.engine.read;

import java.util.List;

/**
 * One of a person's interests: a topic of the taxonomy, its weight (the share of the person's posts
 * that show it, in (0, 1]) and the ids of those posts.
 */
public record Interest(String topic, double weight, List<String> postIds) {

  public Interest {
    if (topic == null || !(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("topic and a weight in (0, 1] are required");
    }
    postIds = List.copyOf(postIds);
  }
}
