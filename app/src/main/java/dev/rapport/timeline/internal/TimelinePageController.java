package dev.rapport.timeline.internal;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import dev.rapport.timeline.TouchpointPage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The timeline fragment a person's or account's page loads into its middle column with htmx: a kind
 * filter, the touchpoints newest first with older/newer pages, and a note form. All text goes
 * through th:text, so posts and notes are never rendered as HTML.
 */
@Controller
class TimelinePageController {

  static final int PAGE = 25;

  /** A bad id or filter in a fragment's URL: a plain 400 naming the field, not a server error. */
  @org.springframework.web.bind.annotation.ExceptionHandler(InvalidInputException.class)
  org.springframework.http.ResponseEntity<String> invalid(InvalidInputException e) {
    return org.springframework.http.ResponseEntity.badRequest()
        .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  /** A record missing or hidden from the user: 404, the same answer as for the record itself. */
  @org.springframework.web.bind.annotation.ExceptionHandler(
      dev.rapport.shared.NotFoundException.class)
  org.springframework.http.ResponseEntity<String> notFound(dev.rapport.shared.NotFoundException e) {
    return org.springframework.http.ResponseEntity.status(
            org.springframework.http.HttpStatus.NOT_FOUND)
        .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Timeline timeline;
  private final Actors actors;
  private final TouchpointBadgesFacade badges;
  private final RecordAccess records;

  private final dev.rapport.access.UserNames names;

  TimelinePageController(
      Timeline timeline,
      Actors actors,
      TouchpointBadgesFacade badges,
      RecordAccess records,
      dev.rapport.access.UserNames names) {
    this.names = names;
    this.timeline = timeline;
    this.actors = actors;
    this.badges = badges;
    this.records = records;
  }

  @GetMapping("/timeline/persons/{id}")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  String person(
      @PathVariable long id,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String page,
      Model model) {
    PersonId person = new PersonId(positive(id));
    records.requireVisiblePerson(person);
    return render(
        "persons", id, timeline.forPerson(person, filter(kind, page)), kind, model, null, null);
  }

  @GetMapping("/timeline/accounts/{id}")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  String account(
      @PathVariable long id,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String page,
      Model model) {
    AccountId account = new AccountId(positive(id));
    records.requireVisibleAccount(account);
    return render(
        "accounts", id, timeline.forAccount(account, filter(kind, page)), kind, model, null, null);
  }

  @PostMapping("/timeline/persons/{id}/notes")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String notePerson(
      @PathVariable long id, @RequestParam(required = false) String text, Model model) {
    PersonId person = new PersonId(positive(id));
    records.requireChangeablePerson(person);
    String error = note(person, null, text);
    return render(
        "persons",
        id,
        timeline.forPerson(person, TouchpointFilter.firstPage(PAGE)),
        null,
        model,
        error,
        error == null ? text : null);
  }

  @PostMapping("/timeline/accounts/{id}/notes")
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  String noteAccount(
      @PathVariable long id, @RequestParam(required = false) String text, Model model) {
    AccountId account = new AccountId(positive(id));
    records.requireChangeableAccount(account);
    String error = note(null, account, text);
    return render(
        "accounts",
        id,
        timeline.forAccount(account, TouchpointFilter.firstPage(PAGE)),
        null,
        model,
        error,
        error == null ? text : null);
  }

  private String note(PersonId person, AccountId account, String text) {
    Actor actor = actors.current();
    try {
      timeline.append(
          new NewTouchpoint(
              person,
              account,
              TouchpointKind.NOTE,
              "note",
              null,
              Instant.now(),
              actor.userId(),
              actor.name(),
              text == null ? null : text.strip(),
              new SourceRef("timeline.note", UUID.randomUUID().toString(), null),
              null,
              null,
              null));
      return null;
    } catch (InvalidInputException e) {
      return e.getMessage().replaceFirst("^summary", "note");
    }
  }

  private String render(
      String subject,
      long id,
      TouchpointPage page,
      String kind,
      Model model,
      String error,
      String added) {
    model.addAttribute("subject", subject);
    model.addAttribute("subjectId", id);
    java.util.Map<String, TouchpointBadgesFacade.Shown> shown =
        badges.find(page.items().stream().map(Touchpoint::source).toList());
    model.addAttribute(
        "items",
        page.items().stream()
            .map(
                t ->
                    view(t)
                        .by(by(t))
                        .with(
                            shown.get(
                                TouchpointBadgesFacade.key(t.source().type(), t.source().id()))))
            .toList());
    model.addAttribute("page", page);
    model.addAttribute("kind", kind == null ? "" : kind);
    model.addAttribute("kinds", kinds());
    model.addAttribute("error", error);
    model.addAttribute("message", added == null ? null : "Note added.");
    return "timeline/fragment";
  }

  /**
   * Who wrote the touchpoint, by display name; null when nobody is recorded. Producers that record
   * only a name (stage changes keep the user name) are resolved by it; a name that is no user (a
   * rule, an import) shows as recorded.
   */
  private dev.rapport.access.UserNames.Named by(Touchpoint t) {
    if (t.byUserId() == null && (t.byName() == null || t.byName().isBlank())) {
      return null;
    }
    if (t.byUserId() == null) {
      return names.byUsername(t.byName());
    }
    return names.byId(t.byUserId(), t.byName());
  }

  private static List<KindOption> kinds() {
    return java.util.Arrays.stream(TouchpointKind.values())
        .map(k -> new KindOption(k.name().toLowerCase(Locale.ROOT), label(k)))
        .toList();
  }

  private static String label(TouchpointKind k) {
    String s = k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static TouchpointFilter filter(String kind, String page) {
    return TimelineApiController.filter(
        kind == null || kind.isBlank() ? null : List.of(kind),
        null,
        null,
        null,
        page,
        Integer.toString(PAGE),
        null);
  }

  private static long positive(long id) {
    if (id <= 0) {
      throw InvalidInputException.of("id", "must be positive, was " + id);
    }
    return id;
  }

  static ItemView view(Touchpoint t) {
    String url = t.source().url();
    boolean linkable = url != null && TouchpointRules.isWebUrl(url);
    String money = null;
    if (t.amount() != null) {
      money = amount(t.amount()) + " " + (t.currency() == null ? "" : t.currency());
      if (t.margin() != null) {
        money += " (margin " + amount(t.margin()) + ")";
      }
    }
    return new ItemView(
        t,
        label(t.kind()),
        t.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        WHEN.format(t.occurredAt()),
        t.direction() == null ? null : t.direction().name().toLowerCase(Locale.ROOT),
        money,
        linkable ? url : null,
        null,
        List.of(new Segment(t.summary(), false)),
        null);
  }

  private static String amount(java.math.BigDecimal v) {
    return v.setScale(Math.max(2, v.scale()), java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  /** A touchpoint with its labels and formatted values for the page. */
  record ItemView(
      Touchpoint touchpoint,
      String kindLabel,
      String kindClass,
      String when,
      String direction,
      String money,
      String link,
      TouchpointBadgesFacade.Shown shown,
      List<Segment> segments,
      dev.rapport.access.UserNames.Named by) {

    /** The item naming who wrote it. */
    ItemView by(dev.rapport.access.UserNames.Named who) {
      return new ItemView(
          touchpoint, kindLabel, kindClass, when, direction, money, link, shown, segments, who);
    }

    /** The item with the badges a feature attached, its highlights marked in the summary. */
    ItemView with(TouchpointBadgesFacade.Shown s) {
      if (s == null) {
        return this;
      }
      return new ItemView(
          touchpoint,
          kindLabel,
          kindClass,
          when,
          direction,
          money,
          link,
          s,
          Segment.cut(touchpoint.summary(), s.highlights()),
          by);
    }
  }

  /** A run of a summary, marked when it is a highlighted word. */
  record Segment(String text, boolean marked) {

    /** The text cut around every occurrence of the words; joined, the segments give it back. */
    static List<Segment> cut(String text, List<String> words) {
      boolean[] mark = new boolean[text.length()];
      for (String w : words) {
        if (w == null || w.isBlank()) {
          continue;
        }
        for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length())) {
          java.util.Arrays.fill(mark, at, at + w.length(), true);
        }
      }
      List<Segment> out = new java.util.ArrayList<>();
      int start = 0;
      for (int i = 1; i <= text.length(); i++) {
        if (i == text.length() || mark[i] != mark[start]) {
          out.add(new Segment(text.substring(start, i), mark[start]));
          start = i;
        }
      }
      return out.isEmpty() ? List.of(new Segment(text, false)) : out;
    }
  }

  /** One choice of the kind filter. */
  record KindOption(String value, String label) {}
}
