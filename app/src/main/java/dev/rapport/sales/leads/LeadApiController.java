package dev.rapport.sales.leads;

import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.sales.LeadRow;
import dev.rapport.sales.LeadScore;
import dev.rapport.sales.LeadScoreChange;
import dev.rapport.sales.LeadScorePart;
import dev.rapport.sales.LeadSource;
import dev.rapport.sales.Leads;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The leads REST API: the lead list, a person's explained score, and the scoring settings. */
@RestController
@Tag(name = "Leads")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class LeadApiController {

  /** A person's score: the latest explanation and the appended changes, newest first. */
  record ScoreView(ScoreJson score, boolean stored, List<LeadScoreChange> history) {}

  /** A score as the API shows it, the person as a plain id. */
  record ScoreJson(
      long person,
      int total,
      LeadScorePart fit,
      LeadScorePart engagement,
      LeadScorePart intent,
      Instant asOf,
      Instant lastIntentAt) {
    static ScoreJson of(LeadScore s) {
      return new ScoreJson(
          s.person().value(),
          s.total(),
          s.fit(),
          s.engagement(),
          s.intent(),
          s.asOf(),
          s.lastIntentAt());
    }
  }

  /** A lead as the API lists it, the person as a plain id. */
  record LeadJson(
      long person,
      String name,
      String stage,
      Long ownerUserId,
      LeadSource source,
      String sourceDetail,
      int score,
      int fit,
      int engagement,
      int intent,
      Instant lastIntentAt,
      Instant crossedAt,
      String crossedStage,
      String reason) {
    static LeadJson of(LeadRow r, String reason) {
      return new LeadJson(
          r.person().value(),
          r.name(),
          r.stage(),
          r.ownerUserId(),
          r.source(),
          r.sourceDetail(),
          r.score(),
          r.fit(),
          r.engagement(),
          r.intent(),
          r.lastIntentAt(),
          r.crossedAt(),
          r.crossedStage(),
          reason);
    }
  }

  private final Leads leads;
  private final LeadScoring scoring;
  private final LeadSettings settings;
  private final RecordAccess records;
  private final ObjectMapper json;

  LeadApiController(
      Leads leads,
      LeadScoring scoring,
      LeadSettings settings,
      RecordAccess records,
      ObjectMapper json) {
    this.leads = leads;
    this.scoring = scoring;
    this.settings = settings;
    this.records = records;
    this.json = json;
  }

  @GetMapping("/leads")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  List<LeadJson> list(
      @RequestParam(defaultValue = "score") String sort,
      @RequestParam(defaultValue = "50") int limit) {
    // each lead with the strongest reason of its latest score ("asked for recommendations on …")
    return leads.list(sort(sort), limit).stream()
        .map(r -> LeadJson.of(r, leads.score(r.person()).map(LeadScore::headline).orElse(null)))
        .toList();
  }

  @GetMapping("/persons/{id}/score")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  ScoreView score(@PathVariable long id) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    var stored = leads.score(person);
    LeadScore score =
        stored.orElseGet(
            () ->
                scoring
                    .compute(person, Clock.systemUTC().instant().truncatedTo(ChronoUnit.HOURS))
                    .orElseThrow(() -> new dev.rapport.shared.NotFoundException("person", id)));
    return new ScoreView(ScoreJson.of(score), stored.isPresent(), leads.history(person, 50));
  }

  @PostMapping("/persons/{id}/score")
  @PreAuthorize("@access.allows('LIFECYCLE_WRITE')")
  ScoreView rescore(@PathVariable long id) {
    PersonId person = new PersonId(id);
    records.requireChangeablePerson(person);
    LeadScore score = leads.rescore(person, "recomputed by hand");
    return new ScoreView(ScoreJson.of(score), true, leads.history(person, 50));
  }

  @GetMapping("/leads/settings")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  LeadSettings.View settings() {
    return settings.view();
  }

  @PutMapping(path = "/leads/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  LeadSettings.View saveSettings(@RequestBody(required = false) String body) {
    return settings.save(parse(body));
  }

  static Leads.Sort sort(String sort) {
    return switch (sort == null ? "" : sort.toLowerCase(Locale.ROOT)) {
      case "score" -> Leads.Sort.SCORE;
      case "intent" -> Leads.Sort.INTENT;
      default -> throw InvalidInputException.of("sort", "use score or intent");
    };
  }

  private LeadSettings.View parse(String body) {
    JsonNode node;
    try {
      node = body == null || body.isBlank() ? null : json.readTree(body);
    } catch (JacksonException e) {
      throw InvalidInputException.of("body", "is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    for (String name : node.propertyNames()) {
      if (!Set.of("engagementHalfLifeDays", "intentHalfLifeDays", "thresholds").contains(name)) {
        errors.add(new FieldError(name, "is not a known field"));
      }
    }
    int engagement = whole(node, "engagementHalfLifeDays", errors);
    int intent = whole(node, "intentHalfLifeDays", errors);
    List<LeadSettings.ThresholdView> thresholds = new ArrayList<>();
    JsonNode list = node.get("thresholds");
    if (list == null || !list.isArray()) {
      errors.add(new FieldError("thresholds", "give a list of {stageId, minScore}"));
    } else {
      for (int i = 0; i < list.size(); i++) {
        JsonNode t = list.get(i);
        if (!t.isObject()) {
          errors.add(new FieldError("thresholds[" + i + "]", "must be a JSON object"));
          continue;
        }
        int stage = whole(t, "stageId", errors, "thresholds[" + i + "].");
        JsonNode min = t.get("minScore");
        Integer minScore = null;
        if (min != null && !min.isNull()) {
          minScore = whole(t, "minScore", errors, "thresholds[" + i + "].");
        }
        thresholds.add(new LeadSettings.ThresholdView(stage, null, 0, minScore));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new LeadSettings.View(engagement, intent, thresholds);
  }

  private static int whole(JsonNode node, String field, List<FieldError> errors) {
    return whole(node, field, errors, "");
  }

  private static int whole(JsonNode node, String field, List<FieldError> errors, String at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      errors.add(new FieldError(at + field, "is required"));
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      errors.add(new FieldError(at + field, "must be a whole number"));
      return 0;
    }
    return v.intValue();
  }
}
