package dev.rapport.engine.read;

import java.util.List;

/**
 * One intent found in a post, with a confidence in (0, 1], the brand or product it is about (empty
 * when none is named) and the spans that show it.
 */
public record IntentSignal(
    Intent intent, double confidence, String target, About about, List<Evidence> evidence) {

  public IntentSignal {
    if (intent == null || about == null || target == null) {
      throw new IllegalArgumentException("intent, target and about are required");
    }
    if (!(confidence > 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1]: " + confidence);
    }
    evidence = List.copyOf(evidence);
  }
}
