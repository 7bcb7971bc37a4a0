package dev.rapport.listening.internal;

import java.util.List;

/**
 * What the classifier found in one post: the ids of the rules that matched, the match spans and the
 * readings, both as JSON so the engine's richer shapes can be stored without a schema change.
 */
record Classification(List<String> ruleIds, String spansJson, String readingsJson) {

  static final Classification NONE = new Classification(List.of(), "[]", "{}");

  Classification {
    ruleIds = List.copyOf(ruleIds);
  }

  boolean matched() {
    return !ruleIds.isEmpty();
  }
}
