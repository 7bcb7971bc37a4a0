package dev.rapport.timeline.internal;

import dev.rapport.access.Actors;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.JsonBody;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import dev.rapport.timeline.TouchpointPage;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * The timeline REST API: read a person's or an account's touchpoints a page at a time, and let
 * external systems (billing, support) append theirs. Posting the same source again returns the
 * stored touchpoint with 200 instead of 201.
 */
@RestController
@Tag(name = "Timeline")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class TimelineApiController {

  private static final Set<String> FIELDS =
      Set.of(
          "kind",
          "channel",
          "direction",
          "occurredAt",
          "summary",
          "by",
          "source",
          "amount",
          "margin",
          "currency",
          "personId",
          "accountId");

  private final Timeline timeline;
  private final Actors actors;
  private final ObjectMapper json;
  private final RecordAccess records;

  TimelineApiController(Timeline timeline, Actors actors, ObjectMapper json, RecordAccess records) {
    this.timeline = timeline;
    this.actors = actors;
    this.json = json;
    this.records = records;
  }

  @GetMapping("/persons/{id}/touchpoints")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  PageView personTouchpoints(
      @PathVariable long id,
      @RequestParam(required = false) List<String> kind,
      @RequestParam(required = false) List<String> channel,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String sort) {
    PersonId person = new PersonId(positive("id", id));
    records.requireVisiblePerson(person);
    return PageView.of(
        timeline.forPerson(person, filter(kind, channel, from, to, page, size, sort)));
  }

  @GetMapping("/accounts/{id}/touchpoints")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  PageView accountTouchpoints(
      @PathVariable long id,
      @RequestParam(required = false) List<String> kind,
      @RequestParam(required = false) List<String> channel,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String sort) {
    AccountId account = new AccountId(positive("id", id));
    records.requireVisibleAccount(account);
    return PageView.of(
        timeline.forAccount(account, filter(kind, channel, from, to, page, size, sort)));
  }

  @PostMapping(path = "/persons/{id}/touchpoints", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  ResponseEntity<TouchpointView> appendToPerson(
      @PathVariable long id, @RequestBody(required = false) String body) {
    PersonId person = new PersonId(positive("id", id));
    records.requireChangeablePerson(person);
    return append(person, null, body);
  }

  @PostMapping(path = "/accounts/{id}/touchpoints", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('TIMELINE_WRITE')")
  ResponseEntity<TouchpointView> appendToAccount(
      @PathVariable long id, @RequestBody(required = false) String body) {
    AccountId account = new AccountId(positive("id", id));
    records.requireChangeableAccount(account);
    return append(null, account, body);
  }

  private ResponseEntity<TouchpointView> append(PersonId person, AccountId account, String body) {
    JsonBody in = JsonBody.parse(json, body, FIELDS);
    TouchpointKind kind = in.oneOf("kind", TouchpointKind.class, true);
    String channel = in.text("channel", true);
    Direction direction = in.oneOf("direction", Direction.class, false);
    Instant occurredAt = in.instant("occurredAt", true);
    String summary = in.text("summary", true);
    String by = in.text("by", false);
    BigDecimal amount = in.decimal("amount");
    BigDecimal margin = in.decimal("margin");
    String currency = in.text("currency", false);
    Long otherPerson = in.id("personId");
    Long otherAccount = in.id("accountId");
    if (person != null && otherPerson != null && otherPerson != person.value()) {
      in.error("personId", "differs from the person in the path");
    }
    if (account != null && otherAccount != null && otherAccount != account.value()) {
      in.error("accountId", "differs from the account in the path");
    }
    SourceRef source = null;
    JsonBody src = in.object("source", Set.of("type", "id", "url"));
    if (src == null) {
      if (!in.has("source")) {
        in.error("source", "is required: the record this touchpoint comes from");
      }
    } else {
      source = new SourceRef(src.text("type", true), src.text("id", true), src.text("url", false));
    }
    in.throwIfInvalid();
    // the body may name a second record: it must be one the caller may change too
    if (person == null && otherPerson != null) {
      records.requireChangeablePerson(new PersonId(otherPerson));
    }
    if (account == null && otherAccount != null) {
      records.requireChangeableAccount(new AccountId(otherAccount));
    }
    NewTouchpoint touchpoint =
        new NewTouchpoint(
            person != null ? person : otherPerson == null ? null : new PersonId(otherPerson),
            account != null ? account : otherAccount == null ? null : new AccountId(otherAccount),
            kind,
            channel,
            direction,
            occurredAt,
            actors.current().userId(),
            by == null || by.isBlank() ? actors.current().name() : by.strip(),
            summary,
            source,
            amount,
            margin,
            currency == null ? null : currency.strip().toUpperCase(Locale.ROOT));
    Timeline.Appended appended = timeline.append(touchpoint);
    return ResponseEntity.status(appended.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(TouchpointView.of(appended.touchpoint()));
  }

  static TouchpointFilter filter(
      List<String> kinds,
      List<String> channels,
      String from,
      String to,
      String page,
      String size,
      String sort) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    Set<TouchpointKind> kindSet = EnumSet.noneOf(TouchpointKind.class);
    for (String k : split(kinds)) {
      try {
        kindSet.add(TouchpointKind.valueOf(k.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        errors.add(
            new InvalidInputException.FieldError(
                "kind", "is not a touchpoint kind: '" + clip(k) + "'"));
      }
    }
    Set<String> channelSet = new LinkedHashSet<>();
    for (String c : split(channels)) {
      if (!TouchpointRules.CHANNEL.matcher(c).matches()) {
        errors.add(
            new InvalidInputException.FieldError(
                "channel", "is not a valid channel: '" + clip(c) + "'"));
      }
      channelSet.add(c);
    }
    Instant fromAt = time(errors, "from", from);
    Instant toAt = time(errors, "to", to);
    int pageNo = number(errors, "page", page, 0, 0, Integer.MAX_VALUE / TouchpointFilter.MAX_SIZE);
    int sizeNo = number(errors, "size", size, 50, 1, TouchpointFilter.MAX_SIZE);
    boolean oldestFirst = false;
    if (sort != null && !sort.isBlank()) {
      switch (sort.strip()) {
        case "occurredAt" -> oldestFirst = true;
        case "-occurredAt" -> oldestFirst = false;
        default ->
            errors.add(
                new InvalidInputException.FieldError(
                    "sort", "must be 'occurredAt' (oldest first) or '-occurredAt' (newest first)"));
      }
    }
    if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
      errors.add(new InvalidInputException.FieldError("to", "must be after 'from'"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new TouchpointFilter(kindSet, channelSet, fromAt, toAt, pageNo, sizeNo, oldestFirst);
  }

  private static List<String> split(List<String> values) {
    if (values == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  private static Instant time(
      List<InvalidInputException.FieldError> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          new InvalidInputException.FieldError(
              field, "must be an ISO-8601 time with offset such as 2026-03-01T00:00:00Z"));
      return null;
    }
  }

  private static int number(
      List<InvalidInputException.FieldError> errors,
      String field,
      String value,
      int fallback,
      int min,
      int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new InvalidInputException.FieldError(
            field, "must be a whole number from " + min + " to " + max));
    return fallback;
  }

  private static long positive(String field, long id) {
    if (id <= 0) {
      throw InvalidInputException.of(field, "must be positive, was " + id);
    }
    return id;
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** A page of touchpoints as the API shows it. */
  record PageView(List<TouchpointView> items, int page, int size, long total, boolean hasNext) {
    static PageView of(TouchpointPage p) {
      return new PageView(
          p.items().stream().map(TouchpointView::of).toList(),
          p.page(),
          p.size(),
          p.total(),
          p.hasNext());
    }
  }

  /** A touchpoint as the API shows it: ids as numbers, enums in lower case. */
  record TouchpointView(
      long id,
      Long personId,
      Long accountId,
      String kind,
      String channel,
      String direction,
      Instant occurredAt,
      String by,
      String summary,
      SourceRef source,
      BigDecimal amount,
      BigDecimal margin,
      String currency,
      Long mergedFrom) {

    static TouchpointView of(Touchpoint t) {
      return new TouchpointView(
          t.id(),
          t.person() == null ? null : t.person().value(),
          t.account() == null ? null : t.account().value(),
          t.kind().name().toLowerCase(Locale.ROOT),
          t.channel(),
          t.direction() == null ? null : t.direction().name().toLowerCase(Locale.ROOT),
          t.occurredAt(),
          t.byName(),
          t.summary(),
          t.source(),
          t.amount(),
          t.margin(),
          t.currency(),
          t.mergedFrom() == null ? null : t.mergedFrom().value());
    }
  }
}
