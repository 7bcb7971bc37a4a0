package dev.rapport.collab.internal;

import dev.rapport.access.UserNames;
import dev.rapport.access.Users;
import dev.rapport.collab.internal.FeedStore.Entry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Feed entries as the API and the pages show them: the text cut into parts (plain, links, mentions
 * of known users), who wrote, edited and deleted it, and its history.
 */
@Component
public class FeedViews {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Users users;
  private final UserNames names;

  FeedViews(Users users, UserNames names) {
    this.users = users;
    this.names = names;
  }

  /** One part of a comment for JSON: text, link (with href) or mention (with the user name). */
  public record PartJson(String type, String text, String href, String username) {}

  /** A comment's earlier text (shown only while the comment is not deleted). */
  public record RevisionJson(String action, String byName, Instant at, String text) {}

  /** Who deleted an entry, and when. */
  public record DeletedJson(Long byUserId, String byName, Instant at) {}

  /** A mentioned user and whether the mention notified them. */
  public record MentionJson(long userId, boolean delivered) {}

  /** A feed entry for the API. */
  public record EntryJson(
      long id,
      String subjectType,
      long subjectId,
      String kind,
      String text,
      List<PartJson> parts,
      Long authorUserId,
      String authorName,
      Instant createdAt,
      Instant editedAt,
      DeletedJson deleted,
      List<RevisionJson> history,
      List<MentionJson> mentions) {}

  /** A feed entry for the page: parts to render as text and links, names resolved. */
  public record EntryView(
      Entry entry,
      String kindClass,
      List<CommentText.Part> parts,
      UserNames.Named author,
      String when,
      String editedWhen,
      UserNames.Named deletedBy,
      String deletedWhen,
      List<RevisionView> history,
      boolean mine,
      boolean mayDelete) {}

  /** An earlier text of a comment on the page. */
  public record RevisionView(String action, String byName, String when, String text) {}

  /** A predicate answering "is this a user name" for one rendering, each name asked once. */
  public Predicate<String> knownUsers() {
    Map<String, Boolean> cache = new HashMap<>();
    return u -> cache.computeIfAbsent(u, k -> users.byUsername(k).isPresent());
  }

  public EntryJson json(
      Entry e,
      List<FeedStore.Revision> revisions,
      List<FeedStore.Mention> mentions,
      Predicate<String> known) {
    List<PartJson> parts =
        e.body() == null
            ? List.of()
            : CommentText.parts(e.body(), known).stream()
                .map(
                    p ->
                        new PartJson(
                            p.kind().name().toLowerCase(java.util.Locale.ROOT),
                            p.text(),
                            p.href(),
                            p.username()))
                .toList();
    List<RevisionJson> history =
        e.deleted()
            ? List.of()
            : revisions.stream()
                .map(r -> new RevisionJson(r.action(), r.byName(), r.at(), r.body()))
                .toList();
    return new EntryJson(
        e.id(),
        e.subjectType().key(),
        e.subjectId(),
        e.kind().name().toLowerCase(java.util.Locale.ROOT),
        e.body(),
        parts,
        e.authorUserId(),
        e.authorName(),
        e.createdAt(),
        e.editedAt(),
        e.deleted() ? new DeletedJson(e.deletedByUserId(), e.deletedByName(), e.deletedAt()) : null,
        history,
        mentions.stream().map(m -> new MentionJson(m.userId(), m.delivered())).toList());
  }

  public EntryView view(
      Entry e,
      List<FeedStore.Revision> revisions,
      Long me,
      boolean admin,
      Predicate<String> known) {
    boolean mine = me != null && me.equals(e.authorUserId());
    boolean comment = e.kind() == FeedStore.Kind.COMMENT;
    return new EntryView(
        e,
        e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        e.body() == null ? List.of() : CommentText.parts(e.body(), known),
        names.byId(e.authorUserId(), e.authorName()),
        WHEN.format(e.createdAt()),
        e.editedAt() == null ? null : WHEN.format(e.editedAt()),
        e.deleted() ? names.byId(e.deletedByUserId(), e.deletedByName()) : null,
        e.deleted() ? WHEN.format(e.deletedAt()) : null,
        e.deleted()
            ? List.of()
            : revisions.stream()
                .map(r -> new RevisionView(r.action(), r.byName(), WHEN.format(r.at()), r.body()))
                .toList(),
        comment && mine && !e.deleted(),
        comment && !e.deleted() && (mine || admin));
  }
}
