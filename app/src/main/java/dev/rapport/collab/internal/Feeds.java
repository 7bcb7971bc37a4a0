package dev.rapport.collab.internal;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.collab.internal.FeedStore.Entry;
import dev.rapport.collab.internal.FeedStore.Kind;
import dev.rapport.collab.internal.NotificationStore.Reason;
import dev.rapport.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feed's work: comments (post, edit, delete, each recorded), follows, the automatic entries the
 * system posts, and the notifications they fan out to. Routes ask the record's access question
 * through {@link FeedSubject} before anything here reads or writes; a notification goes only to a
 * user who may see the record, and a mention that could not be delivered is reported back.
 */
@Service
public class Feeds {

  private final FeedStore store;
  private final NotificationStore notifications;
  private final FeedSubjects subjects;
  private final Users users;
  private final Actors actors;
  private final Clock clock;

  Feeds(
      FeedStore store,
      NotificationStore notifications,
      FeedSubjects subjects,
      Users users,
      Actors actors) {
    this.store = store;
    this.notifications = notifications;
    this.subjects = subjects;
    this.users = users;
    this.actors = actors;
    this.clock = Clock.systemUTC();
  }

  /** What happened to one @mention. {@code reason} says why it was not delivered. */
  public record MentionOutcome(
      String username, long userId, String name, boolean delivered, String reason) {}

  /** A posted or edited comment and what its mentions did. */
  public record Posted(Entry entry, List<MentionOutcome> mentions, List<String> unknown) {

    public List<MentionOutcome> notDelivered() {
      return mentions.stream().filter(m -> !m.delivered()).toList();
    }

    public List<MentionOutcome> delivered() {
      return mentions.stream().filter(MentionOutcome::delivered).toList();
    }
  }

  /** A page of a record's feed with what the page needs beside the entries. */
  public record Page(
      SubjectType type,
      long subjectId,
      List<Entry> entries,
      Map<Long, List<FeedStore.Revision>> revisions,
      Map<Long, List<FeedStore.Mention>> mentions,
      long total,
      int page,
      int size,
      boolean following,
      int followers) {

    public boolean hasNext() {
      return (long) (page + 1) * size < total;
    }
  }

  // ---- reading ----

  /** The record's feed, newest first; the caller must see the record (404 otherwise). */
  @Transactional(readOnly = true)
  public Page page(SubjectType type, long subjectId, int page, int size) {
    FeedSubject subject = subjects.of(type);
    subject.requireVisible(subjectId);
    List<Entry> entries = store.page(type, subjectId, page * size, size);
    List<Long> ids = entries.stream().map(Entry::id).toList();
    List<Long> followers = store.followers(type, subjectId);
    Long me = actors.current().userId();
    return new Page(
        type,
        subjectId,
        entries,
        store.revisions(ids),
        store.mentions(ids),
        store.count(type, subjectId),
        page,
        size,
        me != null && followers.contains(me),
        followers.size());
  }

  // ---- comments ----

  /** Posts a comment on the record; mentioned and following users who may see it are notified. */
  @Transactional
  public Posted comment(SubjectType type, long subjectId, String rawText) {
    FeedSubject subject = subjects.of(type);
    subject.requireChangeable(subjectId);
    String text = CommentText.check("text", rawText);
    Actor actor = actors.current();
    return insertComment(subject, subjectId, text, actor.userId(), displayName(actor));
  }

  /**
   * Posts a comment as the given user without asking the record's access question: for the system's
   * own work (demo data), never for a route.
   */
  @Transactional
  Posted commentAs(User author, SubjectType type, long subjectId, String rawText) {
    return insertComment(
        subjects.of(type),
        subjectId,
        CommentText.check("text", rawText),
        author.id(),
        name(author));
  }

  private Posted insertComment(
      FeedSubject subject, long subjectId, String text, Long authorId, String authorName) {
    Instant now = clock.instant();
    long id =
        store.insert(
            subject.type(), subjectId, Kind.COMMENT, text, authorId, authorName, null, now);
    Entry entry = store.entry(id).orElseThrow();
    Posted posted = mention(subject, entry, text, Set.of(), now);
    notifyFollowers(subject, entry, now);
    return posted;
  }

  /** Changes the text of one's own comment, keeping the old text; new mentions are notified. */
  @Transactional
  public Posted edit(long entryId, String rawText) {
    Entry entry = store.lock(entryId).orElseThrow(() -> new NotFoundException("comment", entryId));
    FeedSubject subject = subjects.of(entry.subjectType());
    subject.requireChangeable(entry.subjectId());
    Actor actor = actors.current();
    if (entry.kind() != Kind.COMMENT) {
      throw new NotYours("only comments can be edited; this entry was posted by the system");
    }
    if (entry.deleted()) {
      throw new NotYours("this comment was deleted and can no longer be edited");
    }
    if (actor.userId() == null || !actor.userId().equals(entry.authorUserId())) {
      throw new NotYours(
          "only its author may edit a comment; this one is by " + entry.authorName());
    }
    String text = CommentText.check("text", rawText);
    Instant now = clock.instant();
    if (text.equals(entry.body())) {
      return new Posted(entry, List.of(), List.of());
    }
    store.insertRevision(entryId, entry.body(), "edit", actor.userId(), displayName(actor), now);
    store.updateBody(entryId, text, now);
    Set<String> before = CommentText.mentions(entry.body());
    Entry edited = store.entry(entryId).orElseThrow();
    return mention(subject, edited, text, before, now);
  }

  /**
   * Deletes a comment: its author may, and so may an admin (moderation). The row stays with who
   * deleted it and when; the text moves to the revisions, shown to nobody in the app.
   */
  @Transactional
  public Entry delete(long entryId) {
    Entry entry = store.lock(entryId).orElseThrow(() -> new NotFoundException("comment", entryId));
    FeedSubject subject = subjects.of(entry.subjectType());
    subject.requireChangeable(entry.subjectId());
    Actor actor = actors.current();
    if (entry.kind() != Kind.COMMENT) {
      throw new NotYours("only comments can be deleted; this entry was posted by the system");
    }
    if (entry.deleted()) {
      return entry;
    }
    boolean author = actor.userId() != null && actor.userId().equals(entry.authorUserId());
    if (!author && !actor.isAdmin()) {
      throw new NotYours(
          "only its author or an admin may delete a comment; this one is by " + entry.authorName());
    }
    Instant now = clock.instant();
    store.insertRevision(entryId, entry.body(), "delete", actor.userId(), displayName(actor), now);
    store.markDeleted(entryId, now, actor.userId(), displayName(actor));
    return store.entry(entryId).orElseThrow();
  }

  /** Deletes a comment as its author, for the system's own work (demo data), never for a route. */
  @Transactional
  void deleteAs(User author, long entryId) {
    Entry entry = store.lock(entryId).orElseThrow();
    Instant now = clock.instant();
    store.insertRevision(entryId, entry.body(), "delete", author.id(), name(author), now);
    store.markDeleted(entryId, now, author.id(), name(author));
  }

  /** The entry's record, for a route that changes an entry and then shows its feed again. */
  @Transactional(readOnly = true)
  public Optional<Entry> find(long entryId) {
    return store.entry(entryId);
  }

  // ---- follows ----

  /** The current user follows the record (idempotent); true when they did not before. */
  @Transactional
  public boolean follow(SubjectType type, long subjectId) {
    subjects.of(type).requireVisible(subjectId);
    Long me = requireUser();
    return store.follow(type, subjectId, me, clock.instant());
  }

  /** The user follows the record, for the system's own work (demo data), never for a route. */
  @Transactional
  boolean followAs(User user, SubjectType type, long subjectId) {
    return store.follow(type, subjectId, user.id(), clock.instant());
  }

  @Transactional
  public boolean unfollow(SubjectType type, long subjectId) {
    subjects.of(type).requireVisible(subjectId);
    Long me = requireUser();
    return store.unfollow(type, subjectId, me);
  }

  // ---- automatic entries ----

  /**
   * Posts an entry by the system (a stage change), once per {@code sourceKey}, and notifies the
   * record's followers who may see it. Runs as the system (a durable listener), so the record's
   * access question is not asked; an unwired subject type posts nothing.
   */
  @Transactional
  public Optional<Entry> post(
      SubjectType type,
      long subjectId,
      Kind kind,
      String body,
      Long byUserId,
      String byName,
      String sourceKey,
      Instant at) {
    if (!subjects.wired(type) || store.sourceExists(sourceKey)) {
      return Optional.empty();
    }
    long id = store.insert(type, subjectId, kind, body, byUserId, byName, sourceKey, at);
    Entry entry = store.entry(id).orElseThrow();
    notifyFollowers(subjects.of(type), entry, clock.instant());
    return Optional.of(entry);
  }

  // ---- fan-out ----

  private Posted mention(
      FeedSubject subject, Entry entry, String text, Set<String> alreadyMentioned, Instant now) {
    Long author = entry.authorUserId();
    List<MentionOutcome> outcomes = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Map<String, User> found = new LinkedHashMap<>();
    for (String username : CommentText.mentions(text)) {
      Optional<User> user = users.byUsername(username);
      if (user.isEmpty()) {
        unknown.add(username);
      } else {
        found.put(username, user.get());
      }
    }
    for (Map.Entry<String, User> m : found.entrySet()) {
      User user = m.getValue();
      String name = name(user);
      if (alreadyMentioned.contains(m.getKey())) {
        continue;
      }
      if (author != null && user.id() == author) {
        continue; // mentioning oneself notifies nobody and is no failure
      }
      String reason = null;
      if (!user.enabled()) {
        reason = name + " is disabled";
      } else if (!subject.visibleTo(user, entry.subjectId())) {
        reason = name + " may not see this " + subject.type().key();
      }
      boolean delivered = reason == null;
      if (store.insertMention(entry.id(), user.id(), delivered) && delivered) {
        notifications.insert(user.id(), entry.id(), Reason.MENTION, now);
      }
      outcomes.add(new MentionOutcome(user.username(), user.id(), name, delivered, reason));
    }
    return new Posted(entry, outcomes, unknown);
  }

  private void notifyFollowers(FeedSubject subject, Entry entry, Instant now) {
    for (Long follower : store.followers(entry.subjectType(), entry.subjectId())) {
      if (follower.equals(entry.authorUserId())) {
        continue;
      }
      users
          .find(follower)
          .filter(u -> subject.visibleTo(u, entry.subjectId()))
          .ifPresent(u -> notifications.insert(u.id(), entry.id(), Reason.FOLLOW, now));
    }
  }

  private Long requireUser() {
    Long me = actors.current().userId();
    if (me == null) {
      throw new NotYours("only a signed-in user can follow a record");
    }
    return me;
  }

  private String displayName(Actor actor) {
    if (actor.userId() == null) {
      return actor.name();
    }
    return users.find(actor.userId()).map(Feeds::name).orElse(actor.name());
  }

  static String name(User u) {
    return u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName();
  }
}
