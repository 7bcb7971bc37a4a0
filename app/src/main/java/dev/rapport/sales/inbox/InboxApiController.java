package dev.rapport.sales.inbox;

import dev.rapport.listening.MentionReplies;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.sales.InboxNumbers;
import dev.rapport.sales.LeadMade;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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

/** The response inbox over JSON: items, their changes, replies, routing rules and settings. */
@RestController
@Tag(name = "Inbox")
class InboxApiController {

  /** A page of items. */
  record ItemPage(List<InboxViews.ItemView> items, long total, int page, int size) {}

  /** An item with its history. */
  record ItemDetail(InboxViews.ItemView item, List<InboxItems.Change> changes, boolean canPost) {}

  record AssignBody(Long userId) {}

  record BulkAssignBody(List<Long> itemIds, Long userId) {}

  record SnoozeBody(String until) {}

  record ReplyBody(String text) {}

  record ReplyResult(String how, String replyUrl, String postUrl, InboxViews.ItemView item) {}

  record MoveBody(Boolean up) {}

  /** The workspace's inbox settings; on PUT, null parts stay as they are. */
  record Settings(
      Map<String, Integer> sla,
      String zone,
      List<String> days,
      String opens,
      String closes,
      Long queueTeamId) {}

  private final InboxQueries queries;
  private final InboxViews views;
  private final InboxItems items;
  private final InboxActions actions;
  private final InboxReplies replies;
  private final InboxNumbers numbers;
  private final InboxAccess access;
  private final Routes routes;
  private final InboxSettings settings;
  private final RecordAccess records;

  InboxApiController(
      InboxQueries queries,
      InboxViews views,
      InboxItems items,
      InboxActions actions,
      InboxReplies replies,
      InboxNumbers numbers,
      InboxAccess access,
      Routes routes,
      InboxSettings settings,
      RecordAccess records) {
    this.queries = queries;
    this.views = views;
    this.items = items;
    this.actions = actions;
    this.replies = replies;
    this.numbers = numbers;
    this.access = access;
    this.routes = routes;
    this.settings = settings;
    this.records = records;
  }

  @GetMapping({"/api/v1/inbox/items", "/api/v1/inbox"})
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  @Operation(
      summary = "Inbox items the caller may see: view open, mine, team, queue, breached, done")
  ItemPage list(
      @RequestParam(required = false) String view,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    InboxQueries.Page p = queries.page(InboxQueries.View.parse(view), page, size);
    return new ItemPage(views.views(p.items()), p.total(), p.page(), p.size());
  }

  @GetMapping("/api/v1/inbox/items/{id}")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  ItemDetail item(@PathVariable long id) {
    Item item = queries.get(id);
    return new ItemDetail(views.view(item), items.changes(id), replies.canPost(item));
  }

  @PostMapping("/api/v1/inbox/items/{id}/assign")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  InboxViews.ItemView assign(@PathVariable long id, @RequestBody AssignBody body) {
    return views.view(actions.assign(id, body == null ? null : body.userId()));
  }

  @PostMapping("/api/v1/inbox/assign")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  @Operation(summary = "Assign many items to one user; all or none")
  List<InboxViews.ItemView> bulkAssign(@RequestBody BulkAssignBody body) {
    return views.views(
        actions.assignAll(
            body == null ? null : body.itemIds(), body == null ? null : body.userId()));
  }

  @PostMapping("/api/v1/inbox/items/{id}/snooze")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  InboxViews.ItemView snooze(@PathVariable long id, @RequestBody SnoozeBody body) {
    return views.view(actions.snooze(id, instant("until", body == null ? null : body.until())));
  }

  @PostMapping("/api/v1/inbox/items/{id}/done")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  InboxViews.ItemView done(@PathVariable long id) {
    return views.view(actions.done(id));
  }

  @PostMapping("/api/v1/inbox/items/{id}/lead")
  @PreAuthorize("@access.allows('LIFECYCLE_WRITE')")
  @Operation(
      summary =
          "Make the item's person a lead: a source and the lead stage of the active model, with"
              + " the reason 'from inbox item #n'")
  LeadMade lead(@PathVariable long id) {
    return actions.makeLead(id);
  }

  @PostMapping("/api/v1/inbox/items/{id}/reply")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  @Operation(
      summary =
          "Reply: posted on Mastodon or Bluesky when the source holds credentials, else drafted"
              + " with the link that opens the post")
  ReplyResult reply(@PathVariable long id, @RequestBody ReplyBody body) {
    InboxReplies.Outcome o = actions.reply(id, body == null ? null : body.text());
    return new ReplyResult(o.how(), o.replyUrl(), o.postUrl(), views.view(o.item()));
  }

  @GetMapping("/api/v1/inbox/numbers")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  @Operation(summary = "The caller's waiting and breached items")
  InboxNumbers.Counts myNumbers() {
    Long me = access.actor().userId();
    return me == null ? new InboxNumbers.Counts(0, 0) : numbers.forUser(me);
  }

  @GetMapping("/api/v1/persons/{id}/inbox")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  @Operation(summary = "The person's open inbox items the caller may see")
  List<InboxViews.ItemView> forPerson(@PathVariable long id) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    return views.views(queries.openFor(person));
  }

  @GetMapping("/api/v1/inbox/routes")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  List<Route> routes() {
    return routes.all();
  }

  @PostMapping("/api/v1/inbox/routes")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  ResponseEntity<Route> createRoute(@RequestBody Routes.Form form) {
    return ResponseEntity.status(HttpStatus.CREATED).body(routes.create(form));
  }

  @PutMapping("/api/v1/inbox/routes/{id}")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  Route updateRoute(@PathVariable long id, @RequestBody Routes.Form form) {
    return routes.update(id, form);
  }

  @PostMapping("/api/v1/inbox/routes/{id}/move")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  List<Route> moveRoute(@PathVariable long id, @RequestBody MoveBody body) {
    routes.move(id, body == null || body.up() == null || body.up());
    return routes.all();
  }

  @DeleteMapping("/api/v1/inbox/routes/{id}")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  ResponseEntity<Void> deleteRoute(@PathVariable long id) {
    routes.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/inbox/settings")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  Settings settings() {
    return current();
  }

  @PutMapping("/api/v1/inbox/settings")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  Settings changeSettings(@RequestBody Settings body) {
    if (body.sla() != null) {
      settings.setSlas(body.sla());
    }
    if (body.zone() != null
        || body.days() != null
        || body.opens() != null
        || body.closes() != null) {
      BusinessCalendar now = settings.calendar();
      settings.setCalendar(
          body.zone() == null ? now.zone().getId() : body.zone(),
          body.days() == null ? now.days().stream().map(Enum::name).toList() : body.days(),
          body.opens() == null ? now.opens().toString() : body.opens(),
          body.closes() == null ? now.closes().toString() : body.closes());
    }
    if (body.queueTeamId() != null) {
      routes.setQueueTeam(body.queueTeamId() == 0 ? null : body.queueTeamId());
    }
    return current();
  }

  @ExceptionHandler(MentionReplies.ReplyFailed.class)
  ResponseEntity<ProblemDetail> replyFailed(MentionReplies.ReplyFailed e) {
    return Problems.response(
        Problems.of(
            HttpStatus.BAD_GATEWAY,
            "reply-failed",
            "The network refused the reply",
            e.getMessage()));
  }

  private Settings current() {
    BusinessCalendar c = settings.calendar();
    Map<String, Integer> sla = new java.util.LinkedHashMap<>();
    settings.slas().forEach((s, m) -> sla.put(s.key(), m));
    return new Settings(
        sla,
        c.zone().getId(),
        c.days().stream().sorted().map(Enum::name).toList(),
        c.opens().toString(),
        c.closes().toString(),
        routes.queueTeam().orElse(null));
  }

  static Instant instant(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      throw InvalidInputException.of(field, "is required, e.g. 2026-12-08T09:00:00Z");
    }
    try {
      return Instant.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "must be an instant like 2026-12-08T09:00:00Z");
    }
  }
}
