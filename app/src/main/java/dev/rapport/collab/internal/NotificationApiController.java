package dev.rapport.collab.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notifications over JSON: list them, mark one or all read. */
@RestController
@Tag(name = "Notifications")
class NotificationApiController {

  /** One notification: why, when, whether read, and the record and entry it points at. */
  record NotificationJson(
      long id,
      String reason,
      Instant createdAt,
      Instant readAt,
      boolean unread,
      String subjectType,
      long subjectId,
      String subjectTitle,
      String href,
      FeedViews.EntryJson entry) {}

  /** A page of notifications with the unread count. */
  record NotificationPage(
      List<NotificationJson> items, long total, long unread, int page, int size) {}

  /** The unread count after a change. */
  record Unread(long unread, int marked) {}

  private final Notifications notifications;
  private final FeedViews views;

  NotificationApiController(Notifications notifications, FeedViews views) {
    this.notifications = notifications;
    this.views = views;
  }

  @GetMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The caller's notifications, newest first (unread=true: only unread)")
  NotificationPage list(
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Notifications.Page p = notifications.page(unread, page, size);
    var known = views.knownUsers();
    return new NotificationPage(
        p.items().stream()
            .map(
                s ->
                    new NotificationJson(
                        s.row().id(),
                        s.row().reason().name().toLowerCase(java.util.Locale.ROOT),
                        s.row().createdAt(),
                        s.row().readAt(),
                        s.row().unread(),
                        s.row().entry().subjectType().key(),
                        s.row().entry().subjectId(),
                        s.title(),
                        s.href(),
                        views.json(s.row().entry(), List.of(), List.of(), known)))
            .toList(),
        p.total(),
        p.unread(),
        p.page(),
        p.size());
  }

  @PostMapping(
      path = "/api/v1/notifications/{id}/read",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Mark one of the caller's notifications read")
  Unread read(@PathVariable long id) {
    notifications.markRead(id);
    return new Unread(notifications.unread(), 1);
  }

  @PostMapping(path = "/api/v1/notifications/read-all", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Mark all of the caller's notifications read")
  Unread readAll() {
    int marked = notifications.markAllRead();
    return new Unread(notifications.unread(), marked);
  }
}
