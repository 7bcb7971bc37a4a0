package dev.rapport.engine.read;

import java.util.List;

/**
 * A life event or sales trigger found in a post. {@code subject} says who it happened to when the
 * post tells ("self", "family", "pet", "company"), otherwise it is empty.
 */
public record EventSignal(
    LifeEvent event, double confidence, String subject, List<Evidence> evidence) {

  public EventSignal {
    if (event == null || subject == null) {
      throw new IllegalArgumentException("event and subject are required");
    }
    if (!(confidence > 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1]: " + confidence);
    }
    evidence = List.copyOf(evidence);
  }

  public Timing timing() {
    return event.timing();
  }
}
