package dev.rapport.collab.internal;

import dev.rapport.access.Actors;
import dev.rapport.collab.internal.NotificationStore.Row;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's notifications: a page of them with the record each is about (a record the
 * user may no longer see is left out, its title unknown), the unread count, and marking read.
 */
@Service
public class Notifications {

  private final NotificationStore store;
  private final FeedSubjects subjects;
  private final Actors actors;
  private final Clock clock = Clock.systemUTC();

  Notifications(NotificationStore store, FeedSubjects subjects, Actors actors) {
    this.store = store;
    this.subjects = subjects;
    this.actors = actors;
  }

  /** A notification as shown: the row, the record's title and its page. */
  public record Shown(Row row, String title, String href) {}

  /** A page of the user's notifications. */
  public record Page(List<Shown> items, long total, long unread, int page, int size) {

    public boolean hasNext() {
      return (long) (page + 1) * size < total;
    }
  }

  @Transactional(readOnly = true)
  public Page page(boolean unreadOnly, int page, int size) {
    if (page < 0) {
      throw InvalidInputException.of("page", "must be 0 or more, was " + page);
    }
    if (size < 1 || size > 200) {
      throw InvalidInputException.of("size", "must be between 1 and 200, was " + size);
    }
    long me = me();
    List<Shown> items = new ArrayList<>();
    Map<String, Optional<String>> titles = new HashMap<>();
    for (Row r : store.page(me, unreadOnly, page * size, size)) {
      SubjectType type = r.entry().subjectType();
      long id = r.entry().subjectId();
      if (!subjects.wired(type)) {
        continue;
      }
      FeedSubject subject = subjects.of(type);
      Optional<String> title = titles.computeIfAbsent(type + "/" + id, k -> subject.title(id));
      // the record may have been handed to someone out of the user's sight since
      title.ifPresent(t -> items.add(new Shown(r, t, subject.href(id) + "#feed")));
    }
    return new Page(items, store.count(me, unreadOnly), store.count(me, true), page, size);
  }

  @Transactional(readOnly = true)
  public long unread() {
    Long me = actors.current().userId();
    return me == null ? 0 : store.count(me, true);
  }

  @Transactional
  public void markRead(long id) {
    if (!store.markRead(me(), id, clock.instant())) {
      throw new NotFoundException("notification", id);
    }
  }

  @Transactional
  public int markAllRead() {
    return store.markAllRead(me(), clock.instant());
  }

  private long me() {
    Long me = actors.current().userId();
    if (me == null) {
      throw new NotFoundException("notification list", "of the system");
    }
    return me;
  }
}
