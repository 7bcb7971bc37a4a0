package dev.rapport.collab.internal;

import java.util.function.Predicate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notifications page (what mentioned you, what changed on records you follow) and the unread
 * count the left navigation loads.
 */
@Controller
class NotificationPageController {

  static final int PAGE = 50;

  private final Notifications notifications;
  private final FeedViews views;

  NotificationPageController(Notifications notifications, FeedViews views) {
    this.notifications = notifications;
    this.views = views;
  }

  @GetMapping("/notifications")
  String page(
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Notifications.Page p = notifications.page(unread, Math.max(0, page), PAGE);
    Predicate<String> known = views.knownUsers();
    model.addAttribute("page", p);
    model.addAttribute("unreadOnly", unread);
    model.addAttribute(
        "parts",
        p.items().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    s -> s.row().id(),
                    s ->
                        s.row().entry().body() == null
                            ? java.util.List.<CommentText.Part>of()
                            : CommentText.parts(s.row().entry().body(), known))));
    model.addAttribute(
        "whens",
        p.items().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    s -> s.row().id(), s -> FeedViews.WHEN.format(s.row().createdAt()))));
    return "collab/notifications";
  }

  @GetMapping("/notifications/count")
  String count(Model model) {
    model.addAttribute("unread", notifications.unread());
    return "collab/nav-count";
  }

  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable long id) {
    notifications.markRead(id);
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/read-all")
  String readAll(RedirectAttributes redirect) {
    int n = notifications.markAllRead();
    redirect.addFlashAttribute(
        "message", n == 1 ? "1 notification marked read." : n + " notifications marked read.");
    return "redirect:/notifications";
  }
}
