package dev.rapport.sales.leads;

import dev.rapport.engine.read.BrandSet;
import dev.rapport.engine.read.PostReader;
import dev.rapport.engine.read.Reading;
import dev.rapport.listening.HeardPosts;
import dev.rapport.people.PersonId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A person's captured posts with what the engine reads in them (intents, life events), for the
 * score and the brief. Listening keeps its readings to itself, so sales reads the text again with
 * the same engine; readings are remembered by text (an edited post is read again).
 */
@Component
public class PostReadings {

  /** A captured post and its reading. */
  public record ReadPost(HeardPosts.Post post, Reading reading) {}

  private static final int REMEMBERED = 20_000;

  private final HeardPosts posts;
  private final PostReader reader = PostReader.create();
  private final Map<String, Reading> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Reading> eldest) {
              return size() > REMEMBERED;
            }
          });

  PostReadings(HeardPosts posts) {
    this.posts = posts;
  }

  /** The person's latest posts, newest first, each read (callers check visibility first). */
  public List<ReadPost> byPerson(PersonId person, int limit) {
    return posts.byPerson(person, limit).stream()
        .map(p -> new ReadPost(p, cache.computeIfAbsent(p.text(), this::read)))
        .toList();
  }

  private Reading read(String text) {
    return reader.read(text, BrandSet.NONE);
  }
}
