package dev.rapport.engine.match;

import java.util.List;

/** A rule that matched a post, with the spans to highlight. */
public record Match(String ruleId, List<Span> spans) {
  public Match {
    spans = List.copyOf(spans);
  }
}
