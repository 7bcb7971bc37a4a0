package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Brand tags: the workspace's tags (managed by marketing, CAMPAIGNS_ADMIN) and the counts of posts
 * that carried them (LISTENING_READ), per day, network or author.
 */
@RestController
@Tag(name = "Brand tags")
@RequestMapping("/api/v1/brand-tags")
class BrandTagApiController {

  /** Body of POST and PUT: the tag as posts write it and its kind. */
  record TagBody(String tag, String kind) {}

  /** The longest span of days one counts request may cover. */
  static final int MAX_DAYS = 366;

  private static final Pattern NETWORK = Pattern.compile("[a-z0-9._-]{1,30}");

  private final BrandTags tags;
  private final BrandTagCounts counts;
  private final MentionScope scope;

  BrandTagApiController(BrandTags tags, BrandTagCounts counts, MentionScope scope) {
    this.tags = tags;
    this.counts = counts;
    this.scope = scope;
  }

  @GetMapping
  @PreAuthorize("@access.allows('LISTENING_READ')")
  @Operation(summary = "The workspace's brand tags")
  List<BrandTags.BrandTag> list() {
    return tags.all();
  }

  @PostMapping
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  @Operation(summary = "Adds a brand tag (a hashtag or a handle as posts write it)")
  ResponseEntity<BrandTags.BrandTag> create(@RequestBody(required = false) TagBody body) {
    TagBody b = body == null ? new TagBody(null, null) : body;
    return ResponseEntity.status(HttpStatus.CREATED).body(tags.create(b.tag(), b.kind()));
  }

  @GetMapping("/{id}")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  BrandTags.BrandTag get(@PathVariable long id) {
    return tags.get(id);
  }

  @PutMapping("/{id}")
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  BrandTags.BrandTag update(@PathVariable long id, @RequestBody(required = false) TagBody body) {
    TagBody b = body == null ? new TagBody(null, null) : body;
    return tags.update(id, b.tag(), b.kind());
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  @Operation(summary = "Removes a brand tag; the counts it gathered are kept")
  ResponseEntity<Void> delete(@PathVariable long id) {
    tags.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/counts")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  @Operation(
      summary =
          "Posts that carried brand tags, per tag and day, network or author (UTC days, from and"
              + " to included; the last 30 days by default)")
  List<BrandTagCounts.CountRow> counts(
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String network,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "day") String groupBy) {
    Query q = query(tag, network, from, to, groupBy);
    return counts.counts(
        q.tagKey(),
        q.network(),
        q.from(),
        q.to(),
        q.groupBy(),
        q.groupBy() == BrandTagCounts.GroupBy.AUTHOR
            ? scope.on("person_id")
            : dev.rapport.people.VisiblePersons.Condition.ALL);
  }

  /** A counts request that passed its checks. */
  record Query(
      String tagKey,
      String network,
      LocalDate from,
      LocalDate to,
      BrandTagCounts.GroupBy groupBy) {}

  /** Checks a counts request as hostile input; each refusal names its parameter. */
  static Query query(String tag, String network, String from, String to, String groupBy) {
    String tagKey = null;
    if (tag != null && !tag.isBlank()) {
      String t = tag.strip();
      String problem = BrandTags.tagProblem(t);
      if (problem != null) {
        throw InvalidInputException.of("tag", problem);
      }
      if (t.charAt(0) != '#' && t.charAt(0) != '@') {
        t = '#' + t;
      }
      tagKey = BrandTagIndex.key(t);
      if (tagKey == null) {
        throw InvalidInputException.of("tag", "must be one hashtag or handle, e.g. #nikon");
      }
    }
    String net = null;
    if (network != null && !network.isBlank()) {
      net = network.strip().toLowerCase(Locale.ROOT);
      if (!NETWORK.matcher(net).matches()) {
        throw InvalidInputException.of(
            "network", "must be a network name (letters, digits, . _ -), e.g. mastodon");
      }
    }
    LocalDate end = date("to", to, LocalDate.now(ZoneOffset.UTC));
    LocalDate start = date("from", from, end.minusDays(29));
    if (start.isAfter(end)) {
      throw InvalidInputException.of("from", "is after to");
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw InvalidInputException.of("to", "may be at most " + MAX_DAYS + " days after from");
    }
    BrandTagCounts.GroupBy by;
    try {
      by = BrandTagCounts.GroupBy.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("groupBy", "must be day, network or author");
    }
    return new Query(tagKey, net, start, end, by);
  }

  private static LocalDate date(String field, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "must be a date as YYYY-MM-DD (UTC)");
    }
  }
}
