package dev.rapport.sales.inbox;

import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.listening.MentionReplies;
import dev.rapport.sales.LeadMade;
import dev.rapport.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox page: the items of a view, strictest deadline first, each with its post, readings,
 * timer and actions as plain forms (inbox.js adds the keys). Actions answer with a redirect back to
 * the item and a message, or the refusal naming the field.
 */
@Controller
class InboxPageController {

  /** Items per page: a screenful to work through by keyboard. */
  static final int PAGE_SIZE = 25;

  private final InboxQueries queries;
  private final InboxViews views;
  private final InboxActions actions;
  private final Users users;

  InboxPageController(InboxQueries queries, InboxViews views, InboxActions actions, Users users) {
    this.queries = queries;
    this.views = views;
    this.actions = actions;
    this.users = users;
  }

  @GetMapping("/inbox")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  String inbox(
      @RequestParam(required = false) String view,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    InboxQueries.View v = InboxQueries.View.parse(view);
    InboxQueries.Page p = queries.page(v, Math.max(0, page), PAGE_SIZE);
    model.addAttribute("view", v.key());
    model.addAttribute(
        "views", java.util.Arrays.stream(InboxQueries.View.values()).map(x -> x.key()).toList());
    model.addAttribute("items", views.views(p.items()));
    model.addAttribute("cards", views.cards(p.items()));
    model.addAttribute("total", p.total());
    model.addAttribute("page", p.page());
    model.addAttribute("hasNext", (long) (p.page() + 1) * p.size() < p.total());
    model.addAttribute("users", users.all().stream().filter(User::enabled).toList());
    return "sales/inbox/inbox";
  }

  @PostMapping("/inbox/items/{id}/assign")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String assign(
      @PathVariable long id,
      @RequestParam(required = false) Long userId,
      @RequestParam(required = false) String view,
      RedirectAttributes flash) {
    return act(
        id,
        view,
        flash,
        () -> {
          actions.assign(id, userId);
          return "Item #" + id + " assigned.";
        });
  }

  @PostMapping("/inbox/items/{id}/snooze")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String snooze(
      @PathVariable long id,
      @RequestParam(name = "for", required = false) String duration,
      @RequestParam(required = false) String view,
      RedirectAttributes flash) {
    return act(
        id,
        view,
        flash,
        () -> {
          Instant until = until(duration);
          actions.snooze(id, until);
          return "Item #" + id + " snoozed until " + until + ".";
        });
  }

  @PostMapping("/inbox/items/{id}/done")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String done(
      @PathVariable long id,
      @RequestParam(required = false) String view,
      RedirectAttributes flash) {
    return act(
        id,
        view,
        flash,
        () -> {
          actions.done(id);
          return "Item #" + id + " done.";
        });
  }

  @PostMapping("/inbox/items/{id}/lead")
  @PreAuthorize("@access.allows('LIFECYCLE_WRITE')")
  String lead(
      @PathVariable long id,
      @RequestParam(required = false) String view,
      RedirectAttributes flash) {
    return act(
        id,
        view,
        flash,
        () -> {
          LeadMade made = actions.makeLead(id);
          return "The person of item #" + id + " is now a lead in " + made.stage() + ".";
        });
  }

  @PostMapping("/inbox/items/{id}/reply")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String reply(
      @PathVariable long id,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String view,
      RedirectAttributes flash) {
    return act(
        id,
        view,
        flash,
        () -> {
          InboxReplies.Outcome o = actions.reply(id, text);
          return o.how().equals("drafted")
              ? "Reply drafted for item #" + id + "; post it from the original post."
              : "Replied on " + o.how() + ".";
        });
  }

  @PostMapping("/inbox/assign")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String bulkAssign(
      @RequestParam(required = false) List<Long> itemIds,
      @RequestParam(required = false) Long userId,
      @RequestParam(required = false) String view,
      RedirectAttributes flash) {
    try {
      List<Item> done = actions.assignAll(itemIds, userId);
      flash.addFlashAttribute("message", done.size() + " items assigned.");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/inbox" + viewQuery(view);
  }

  /** "1h", "4h", "tomorrow" (9:00 UTC next day) or "week" (7 days). */
  static Instant until(String duration) {
    Instant now = Instant.now();
    return switch (duration == null ? "" : duration) {
      case "1h" -> now.plus(Duration.ofHours(1));
      case "4h" -> now.plus(Duration.ofHours(4));
      case "tomorrow" ->
          ZonedDateTime.now(java.time.ZoneOffset.UTC)
              .plusDays(1)
              .withHour(9)
              .withMinute(0)
              .withSecond(0)
              .withNano(0)
              .toInstant();
      case "week" -> now.plus(Duration.ofDays(7));
      default -> throw InvalidInputException.of("for", "choose 1h, 4h, tomorrow or week");
    };
  }

  private interface Action {
    String run();
  }

  private String act(long id, String view, RedirectAttributes flash, Action action) {
    try {
      flash.addFlashAttribute("message", action.run());
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    } catch (MentionReplies.ReplyFailed e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/inbox" + viewQuery(view) + "#item-" + id;
  }

  private static String viewQuery(String view) {
    try {
      InboxQueries.View v = InboxQueries.View.parse(view);
      return v == InboxQueries.View.OPEN ? "" : "?view=" + v.key();
    } catch (InvalidInputException e) {
      return "";
    }
  }
}
