package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what a person cares about from their posts: topics of a taxonomy of about sixty (music,
 * live music, karaoke, travel, each major sport, food, pets, family, gaming, technology, ...), kept
 * as data in {@code topics.tsv}. Posts in languages other than English are skipped.
 */
public final class InterestProfiler {

  /** One post of the person: an id to point back at and its text. */
  public record Post(String id, String text) {

    public Post {
      if (id == null || text == null) {
        throw new IllegalArgumentException("post id and text are required");
      }
    }
  }

  /** At most this many post ids are kept per topic; the first ones in the order given. */
  public static final int MAX_POST_IDS = 50;

  private final TopicReader topics;
  private final List<String> taxonomy;

  private InterestProfiler() {
    Cues cues = Cues.load("topics.tsv");
    topics = new TopicReader(cues);
    taxonomy = cues.categories();
  }

  public static InterestProfiler create() {
    return new InterestProfiler();
  }

  /** The topics this profiler knows, in taxonomy order. */
  public List<String> taxonomy() {
    return taxonomy;
  }

  /** The person's interests, strongest first; topics no post shows are left out. */
  public List<Interest> profile(Iterable<Post> posts) {
    Map<String, Set<String>> shownBy = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    int read = 0;
    for (Post post : posts) {
      String text =
          post.text().length() > PostReader.MAX_CHARS
              ? post.text().substring(0, PostReader.MAX_CHARS)
              : post.text();
      List<Token> tokens = Tokenizer.tokenize(text);
      String lang = LanguageDetector.detect(text, tokens);
      if (!lang.equals("en") && !lang.equals("und")) {
        continue;
      }
      read++;
      for (TopicSignal t : topics.read(text, View.of(tokens))) {
        counts.merge(t.topic(), 1, Integer::sum);
        Set<String> ids = shownBy.computeIfAbsent(t.topic(), k -> new LinkedHashSet<>());
        if (ids.size() < MAX_POST_IDS) {
          ids.add(post.id());
        }
      }
    }
    List<Interest> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      double weight = Math.round(1000.0 * e.getValue() / read) / 1000.0;
      out.add(
          new Interest(
              e.getKey(), Math.max(weight, 0.001), new ArrayList<>(shownBy.get(e.getKey()))));
    }
    out.sort(
        Comparator.comparingDouble(Interest::weight).reversed().thenComparing(Interest::topic));
    return out;
  }
}
