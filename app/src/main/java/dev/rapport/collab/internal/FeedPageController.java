package dev.rapport.collab.internal;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The feed panel a person's or account's page loads with htmx: follow, a comment form, the entries
 * newest first with edit and delete for one's own comments. Every text goes through th:text; links
 * and mentions are elements built from the comment's parsed parts.
 */
@Controller
class FeedPageController {

  static final int PAGE = 20;

  private final Feeds feeds;
  private final FeedViews views;
  private final Actors actors;

  FeedPageController(Feeds feeds, FeedViews views, Actors actors) {
    this.feeds = feeds;
    this.views = views;
    this.actors = actors;
  }

  /** A bad id in a fragment's URL: a plain 400 naming the field, not a server error. */
  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<String> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
  }

  /** A record missing or hidden from the user: 404, the same answer as for the record itself. */
  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  // ---- persons ----

  @GetMapping("/feed/persons/{id}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String person(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
    return render(SubjectType.PERSON, id, page, model);
  }

  @PostMapping("/feed/persons/{id}/comments")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String commentPerson(
      @PathVariable long id, @RequestParam(required = false) String text, Model model) {
    return comment(SubjectType.PERSON, id, text, model);
  }

  @PostMapping("/feed/persons/{id}/follow")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String followPerson(@PathVariable long id, Model model) {
    feeds.follow(SubjectType.PERSON, positive(id));
    model.addAttribute("message", "You follow this person now.");
    return render(SubjectType.PERSON, id, 0, model);
  }

  @PostMapping("/feed/persons/{id}/unfollow")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String unfollowPerson(@PathVariable long id, Model model) {
    feeds.unfollow(SubjectType.PERSON, positive(id));
    model.addAttribute("message", "You no longer follow this person.");
    return render(SubjectType.PERSON, id, 0, model);
  }

  // ---- accounts ----

  @GetMapping("/feed/accounts/{id}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String account(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
    return render(SubjectType.ACCOUNT, id, page, model);
  }

  @PostMapping("/feed/accounts/{id}/comments")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String commentAccount(
      @PathVariable long id, @RequestParam(required = false) String text, Model model) {
    return comment(SubjectType.ACCOUNT, id, text, model);
  }

  @PostMapping("/feed/accounts/{id}/follow")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String followAccount(@PathVariable long id, Model model) {
    feeds.follow(SubjectType.ACCOUNT, positive(id));
    model.addAttribute("message", "You follow this account now.");
    return render(SubjectType.ACCOUNT, id, 0, model);
  }

  @PostMapping("/feed/accounts/{id}/unfollow")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String unfollowAccount(@PathVariable long id, Model model) {
    feeds.unfollow(SubjectType.ACCOUNT, positive(id));
    model.addAttribute("message", "You no longer follow this account.");
    return render(SubjectType.ACCOUNT, id, 0, model);
  }

  // ---- comments ----

  @PostMapping("/feed/comments/{id}/edit")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String edit(@PathVariable long id, @RequestParam(required = false) String text, Model model) {
    FeedStore.Entry entry =
        feeds.find(positive(id)).orElseThrow(() -> new NotFoundException("comment", id));
    try {
      Feeds.Posted posted = feeds.edit(id, text);
      model.addAttribute("message", "Comment edited.");
      outcome(posted, model);
    } catch (InvalidInputException | NotYours e) {
      model.addAttribute("error", message(e));
    }
    return render(entry.subjectType(), entry.subjectId(), 0, model);
  }

  @PostMapping("/feed/comments/{id}/delete")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String delete(@PathVariable long id, Model model) {
    FeedStore.Entry entry =
        feeds.find(positive(id)).orElseThrow(() -> new NotFoundException("comment", id));
    try {
      feeds.delete(id);
      model.addAttribute("message", "Comment deleted.");
    } catch (NotYours e) {
      model.addAttribute("error", e.getMessage());
    }
    return render(entry.subjectType(), entry.subjectId(), 0, model);
  }

  // ---- shared ----

  private String comment(SubjectType type, long id, String text, Model model) {
    positive(id);
    try {
      Feeds.Posted posted = feeds.comment(type, id, text);
      model.addAttribute("message", "Comment posted.");
      outcome(posted, model);
    } catch (InvalidInputException e) {
      model.addAttribute("error", message(e));
      model.addAttribute("draft", text);
    }
    return render(type, id, 0, model);
  }

  private static void outcome(Feeds.Posted posted, Model model) {
    List<String> lines = new ArrayList<>();
    if (!posted.delivered().isEmpty()) {
      lines.add(
          "Notified "
              + String.join(
                  ", ", posted.delivered().stream().map(Feeds.MentionOutcome::name).toList())
              + ".");
    }
    for (Feeds.MentionOutcome m : posted.notDelivered()) {
      lines.add("@" + m.username() + " was not notified: " + m.reason() + ".");
    }
    model.addAttribute("notDelivered", posted.notDelivered());
    model.addAttribute("outcome", lines);
  }

  private static String message(RuntimeException e) {
    if (e instanceof InvalidInputException invalid) {
      return invalid.errors().stream()
          .map(f -> (f.field().equals("text") ? "The comment " : f.field() + " ") + f.reason())
          .reduce((a, b) -> a + "; " + b)
          .orElse(e.getMessage());
    }
    return e.getMessage();
  }

  private String render(SubjectType type, long id, int page, Model model) {
    if (page < 0) {
      throw InvalidInputException.of("page", "must be 0 or more, was " + page);
    }
    Feeds.Page p = feeds.page(type, positive(id), page, PAGE);
    Actor actor = actors.current();
    Predicate<String> known = views.knownUsers();
    model.addAttribute("subject", type.segment());
    model.addAttribute("subjectKey", type.key());
    model.addAttribute("subjectId", id);
    model.addAttribute("page", p);
    model.addAttribute(
        "items",
        p.entries().stream()
            .map(
                e ->
                    views.view(
                        e,
                        p.revisions().getOrDefault(e.id(), List.of()),
                        actor.userId(),
                        actor.isAdmin(),
                        known))
            .toList());
    model.addAttribute("max", CommentText.MAX);
    return "collab/feed";
  }

  private static long positive(long id) {
    if (id <= 0) {
      throw InvalidInputException.of("id", "must be positive, was " + id);
    }
    return id;
  }
}
