package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the interest taxonomy's topics in one post; weight grows with the number of cues. */
final class TopicReader {

  private final Cues taxonomy;

  TopicReader(Cues taxonomy) {
    this.taxonomy = taxonomy;
  }

  List<TopicSignal> read(String text, View view) {
    Map<String, List<Evidence>> found = new LinkedHashMap<>();
    int lastEnd = -1;
    String lastTopic = "";
    for (Cues.Match m : taxonomy.find(view, i -> false)) {
      if (m.first() <= lastEnd && m.category().equals(lastTopic)) {
        continue;
      }
      found
          .computeIfAbsent(m.category(), k -> new ArrayList<>())
          .add(view.evidence(text, m.first(), m.last(), "topic cue"));
      lastEnd = m.last();
      lastTopic = m.category();
    }
    List<TopicSignal> out = new ArrayList<>(found.size());
    for (Map.Entry<String, List<Evidence>> e : found.entrySet()) {
      double weight = Math.min(1.0, 0.5 + 0.25 * (e.getValue().size() - 1));
      out.add(new TopicSignal(e.getKey(), weight, e.getValue()));
    }
    return out;
  }
}
