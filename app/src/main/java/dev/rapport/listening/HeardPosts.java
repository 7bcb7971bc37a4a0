package dev.rapport.listening;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.List;

/**
 * Reads the posts the listening rules caught, for the workspace: a person's posts, search, counts.
 * {@link #search} returns only the posts the current user may see (a mention's visibility: its
 * author's person); {@link #byPerson} does not ask, callers check the person with people's API
 * first.
 */
public interface HeardPosts {

  /** A captured post and the person who wrote it (null while unresolved). */
  record Post(
      long id,
      PersonId author,
      String network,
      String authorHandle,
      String text,
      String url,
      Instant createdAt) {}

  /** The person's posts, newest first. */
  List<Post> byPerson(PersonId person, int limit);

  /**
   * Posts whose text matches the words, best match first: PostgreSQL full text search (websearch
   * syntax: "quoted phrase", -not, or) on PostgreSQL; every word contained, newest first,
   * elsewhere.
   */
  List<Post> search(String text, int limit);

  /** Posts captured at or after the instant. */
  long capturedSince(Instant since);
}
