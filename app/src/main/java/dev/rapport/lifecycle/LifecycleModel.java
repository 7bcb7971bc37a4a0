package dev.rapport.lifecycle;

import java.util.List;

/**
 * A lifecycle model with its stages in order. {@code loops} says the last stage leads back to the
 * first (the circle turns again for the next product).
 */
public record LifecycleModel(
    long id,
    String templateKey,
    String name,
    String description,
    boolean loops,
    boolean active,
    List<Stage> stages) {

  public LifecycleModel {
    stages = List.copyOf(stages);
  }
}
