package dev.rapport.collab.internal;

import dev.rapport.access.User;
import java.util.Optional;

/**
 * The one question a feed asks of the record it hangs on, implemented once per {@link SubjectType}
 * by asking the record's own module exactly as the record's own routes do (people's {@code
 * RecordAccess} for persons and accounts). Adding opportunities is one more implementation.
 */
public interface FeedSubject {

  SubjectType type();

  /** Quietly returns when the current user may see the record; otherwise NotFoundException. */
  void requireVisible(long id);

  /** Quietly returns when the current user may change things about the record (comment on it). */
  void requireChangeable(long id);

  /** The record's name as the current user may see it; empty when hidden or gone. */
  Optional<String> title(long id);

  /**
   * Whether another user (a mentioned colleague, a follower) may see the record: the same rule as
   * the record's own route, asked for that user instead of the current one. Called only by code
   * that already knows the record exists and that the current actor may see it.
   */
  boolean visibleTo(User user, long id);

  /** Where the record's page is. */
  String href(long id);
}
