package dev.rapport.collab.internal;

import dev.rapport.access.Actors;
import dev.rapport.collab.internal.FeedViews.EntryJson;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.JsonBody;
import dev.rapport.shared.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * A record's feed over JSON: read it, comment (with @mentions), edit and delete one's comments,
 * follow and unfollow. One set of routes per record type, each asking that record's access question
 * first (a hidden record is 404, as its own route answers).
 */
@RestController
@Tag(name = "Feed")
class FeedApiController {

  /** A page of a record's feed. */
  record FeedJson(
      String subjectType,
      long subjectId,
      List<EntryJson> items,
      long total,
      int page,
      int size,
      boolean following,
      int followers) {}

  /** A posted or edited comment, with what became of its mentions. */
  record PostedJson(
      EntryJson entry, List<Feeds.MentionOutcome> mentions, List<String> unknownMentions) {}

  /** Whether the caller follows the record now, and whether this call changed it. */
  record FollowJson(boolean following, boolean changed) {}

  private final Feeds feeds;
  private final FeedViews views;
  private final ObjectMapper json;
  private final Actors actors;

  private final dev.rapport.access.Users users;

  FeedApiController(
      Feeds feeds,
      FeedViews views,
      ObjectMapper json,
      Actors actors,
      dev.rapport.access.Users users) {
    this.users = users;
    this.feeds = feeds;
    this.views = views;
    this.json = json;
    this.actors = actors;
  }

  @ExceptionHandler(NotYours.class)
  ResponseEntity<ProblemDetail> notYours(NotYours e) {
    return Problems.response(
        Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage()));
  }

  // ---- persons ----

  @GetMapping(path = "/api/v1/feed/persons/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  @Operation(summary = "A person's feed, newest first")
  FeedJson personFeed(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    return feed(SubjectType.PERSON, id, page, size);
  }

  @PostMapping(
      path = "/api/v1/feed/persons/{id}/comments",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  @Operation(summary = "Comment on a person's feed; @username mentions a colleague")
  ResponseEntity<PostedJson> personComment(
      @PathVariable long id, @RequestBody(required = false) String body) {
    return comment(SubjectType.PERSON, id, body);
  }

  @PutMapping(
      path = "/api/v1/feed/persons/{id}/follow",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  @Operation(summary = "Follow a person: be notified of new comments and stage changes")
  FollowJson followPerson(@PathVariable long id) {
    return new FollowJson(true, feeds.follow(SubjectType.PERSON, positive(id)));
  }

  @DeleteMapping(
      path = "/api/v1/feed/persons/{id}/follow",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  @Operation(summary = "Stop following a person")
  FollowJson unfollowPerson(@PathVariable long id) {
    return new FollowJson(false, feeds.unfollow(SubjectType.PERSON, positive(id)));
  }

  // ---- accounts ----

  @GetMapping(path = "/api/v1/feed/accounts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  @Operation(summary = "An account's feed, newest first")
  FeedJson accountFeed(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    return feed(SubjectType.ACCOUNT, id, page, size);
  }

  @PostMapping(
      path = "/api/v1/feed/accounts/{id}/comments",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  @Operation(summary = "Comment on an account's feed; @username mentions a colleague")
  ResponseEntity<PostedJson> accountComment(
      @PathVariable long id, @RequestBody(required = false) String body) {
    return comment(SubjectType.ACCOUNT, id, body);
  }

  @PutMapping(
      path = "/api/v1/feed/accounts/{id}/follow",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  @Operation(summary = "Follow an account: be notified of new comments")
  FollowJson followAccount(@PathVariable long id) {
    return new FollowJson(true, feeds.follow(SubjectType.ACCOUNT, positive(id)));
  }

  @DeleteMapping(
      path = "/api/v1/feed/accounts/{id}/follow",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  @Operation(summary = "Stop following an account")
  FollowJson unfollowAccount(@PathVariable long id) {
    return new FollowJson(false, feeds.unfollow(SubjectType.ACCOUNT, positive(id)));
  }

  // ---- comments, whatever their record ----

  @PutMapping(path = "/api/v1/feed/comments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  @Operation(summary = "Edit one's own comment; the earlier text is kept in its history")
  PostedJson edit(@PathVariable long id, @RequestBody(required = false) String body) {
    Feeds.Posted posted = feeds.edit(positive(id), text(body));
    return posted(posted);
  }

  @DeleteMapping(path = "/api/v1/feed/comments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  @Operation(summary = "Delete one's own comment (admins: any); who and when are recorded")
  EntryJson delete(@PathVariable long id) {
    FeedStore.Entry e = feeds.delete(positive(id));
    return views.json(e, List.of(), List.of(), views.knownUsers());
  }

  // ---- @mention autocomplete ----

  /** A colleague one may @mention. */
  record Mentionable(String username, String name) {}

  @GetMapping(path = "/api/v1/feed/mentionable", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  @Operation(summary = "Enabled colleagues whose user name or name starts a word with q")
  List<Mentionable> mentionable(
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "8") int limit) {
    if (q == null || q.isBlank()) {
      throw InvalidInputException.of("q", "is required: the letters typed after @");
    }
    if (q.length() > 60 || dev.rapport.shared.TextChecks.refusal(q) != null) {
      throw InvalidInputException.of("q", "must be at most 60 characters of text");
    }
    if (limit < 1 || limit > 20) {
      throw InvalidInputException.of("limit", "must be between 1 and 20, was " + limit);
    }
    String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
    Long me = actors.current().userId();
    return users.all().stream()
        .filter(u -> u.enabled() && (me == null || u.id() != me))
        .filter(
            u ->
                u.username().startsWith(needle)
                    || java.util.Arrays.stream(
                            Feeds.name(u).toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                        .anyMatch(w -> w.startsWith(needle)))
        .limit(limit)
        .map(u -> new Mentionable(u.username(), Feeds.name(u)))
        .toList();
  }

  // ---- shared ----

  private FeedJson feed(SubjectType type, long id, int page, int size) {
    if (page < 0) {
      throw InvalidInputException.of("page", "must be 0 or more, was " + page);
    }
    if (size < 1 || size > 100) {
      throw InvalidInputException.of("size", "must be between 1 and 100, was " + size);
    }
    Feeds.Page p = feeds.page(type, positive(id), page, size);
    Predicate<String> known = views.knownUsers();
    return new FeedJson(
        type.key(),
        id,
        p.entries().stream()
            .map(
                e ->
                    views.json(
                        e,
                        p.revisions().getOrDefault(e.id(), List.of()),
                        p.mentions().getOrDefault(e.id(), List.of()),
                        known))
            .toList(),
        p.total(),
        p.page(),
        p.size(),
        p.following(),
        p.followers());
  }

  private ResponseEntity<PostedJson> comment(SubjectType type, long id, String body) {
    long subject = positive(id);
    String text = text(body);
    Feeds.Posted posted = feeds.comment(type, subject, text);
    return ResponseEntity.status(HttpStatus.CREATED).body(posted(posted));
  }

  private PostedJson posted(Feeds.Posted posted) {
    return new PostedJson(
        views.json(posted.entry(), List.of(), List.of(), views.knownUsers()),
        posted.mentions(),
        posted.unknown());
  }

  private String text(String body) {
    JsonBody in = JsonBody.parse(json, body, Set.of("text"));
    String text = in.text("text", true);
    in.throwIfInvalid();
    return text;
  }

  private static long positive(long id) {
    if (id <= 0) {
      throw InvalidInputException.of("id", "must be positive, was " + id);
    }
    return id;
  }
}
