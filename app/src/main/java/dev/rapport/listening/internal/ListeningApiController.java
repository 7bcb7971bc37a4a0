package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The listening API: sources and their health, dead letters, mentions, listening rules and rule
 * tests.
 */
@RestController
@Tag(name = "Listening")
@RequestMapping("/api/v1")
class ListeningApiController {

  /** Body of POST /api/v1/sources. */
  record NewSource(String name, String kind, JsonNode config, Integer pollSeconds) {}

  /**
   * Body of POST and PUT /api/v1/listening/rules: the rule text as {@code query}, or under its
   * legacy name {@code keywords}.
   */
  record RuleBody(String name, String query, String keywords, Boolean enabled) {
    String text() {
      return query != null ? query : keywords;
    }

    String field() {
      return query != null || keywords == null ? "query" : "keywords";
    }

    boolean isEnabled() {
      return enabled == null || enabled;
    }
  }

  /** Body of POST /api/v1/listening/rules/test. */
  record TestBody(String query, Integer limit) {}

  private final SourceAdmin admin;
  private final DeadLetterStore deadLetters;
  private final MentionStore mentions;
  private final ListeningRules rules;
  private final Ingest ingest;
  private final RuleTester tester;
  private final ObjectProvider<KafkaMatchers> kafka;
  private final MentionViews views;

  ListeningApiController(
      SourceAdmin admin,
      DeadLetterStore deadLetters,
      MentionStore mentions,
      ListeningRules rules,
      Ingest ingest,
      RuleTester tester,
      ObjectProvider<KafkaMatchers> kafka,
      MentionViews views) {
    this.views = views;
    this.admin = admin;
    this.deadLetters = deadLetters;
    this.mentions = mentions;
    this.rules = rules;
    this.ingest = ingest;
    this.tester = tester;
    this.kafka = kafka;
  }

  @GetMapping("/sources")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  List<SourceAdmin.SourceView> sources() {
    return admin.all();
  }

  @GetMapping("/sources/{id}")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  SourceAdmin.SourceView source(@PathVariable long id) {
    return admin.get(id);
  }

  @PostMapping("/sources")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  ResponseEntity<SourceAdmin.Created> create(@RequestBody NewSource body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(admin.create(body.name(), body.kind(), body.config(), body.pollSeconds()));
  }

  @PostMapping("/sources/{id}/pause")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  SourceAdmin.SourceView pause(@PathVariable long id) {
    return admin.pause(id);
  }

  @PostMapping("/sources/{id}/resume")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  SourceAdmin.SourceView resume(@PathVariable long id) {
    return admin.resume(id);
  }

  @DeleteMapping("/sources/{id}")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  ResponseEntity<Void> delete(@PathVariable long id) {
    admin.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/sources/{id}/mastodon/accounts/lookup")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  JsonNode lookupAccount(@PathVariable long id, @RequestParam String acct) throws Exception {
    return admin.lookupMastodonAccount(id, acct);
  }

  @GetMapping("/dead-letters")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  List<DeadLetterStore.DeadLetter> deadLetters(
      @RequestParam(required = false) Long sourceId,
      @RequestParam(defaultValue = "100") int limit) {
    return deadLetters.recent(sourceId, Math.max(1, Math.min(limit, 1000)));
  }

  /**
   * Mentions, newest post first, as a bare array (so {@code ?limit=} clients keep working). With
   * {@code page}/{@code size} it pages; filters narrow it. The headers carry the total ({@code
   * X-Total-Count}) and the next and previous pages ({@code Link}).
   */
  @GetMapping("/mentions")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  @Operation(
      summary =
          "Mentions, newest post first, filtered; total in X-Total-Count, pages in the Link header",
      parameters = {
        @Parameter(name = "rule", in = ParameterIn.QUERY, description = "a rule id", example = "2"),
        @Parameter(name = "network", in = ParameterIn.QUERY, example = "mastodon"),
        @Parameter(name = "language", in = ParameterIn.QUERY, example = "en"),
        @Parameter(
            name = "sentiment",
            in = ParameterIn.QUERY,
            description = "positive, neutral or negative"),
        @Parameter(
            name = "intent",
            in = ParameterIn.QUERY,
            description = "buying, switching, complaint, praise or question"),
        @Parameter(
            name = "event",
            in = ParameterIn.QUERY,
            description = "a life event: new_job, promotion, funding, hiring, layoffs, ..."),
        @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "posted on or after this day (UTC)",
            example = "2026-11-01"),
        @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "posted on or before this day (UTC)",
            example = "2026-11-30"),
        @Parameter(
            name = "author",
            in = ParameterIn.QUERY,
            description = "the author's handle or name contains this"),
        @Parameter(name = "person", in = ParameterIn.QUERY, description = "the author's person id")
      })
  ResponseEntity<List<MentionViews.MentionJson>> mentions(
      @Parameter(description = "page size, the older name of size (1-500, default 50)")
          @RequestParam(required = false)
          String limit,
      @Parameter(description = "page number from 0") @RequestParam(required = false) String page,
      @Parameter(description = "page size (1-500, default 50)") @RequestParam(required = false)
          String size,
      @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    int n =
        MentionPaging.size(size != null ? size : limit, size != null ? "size" : "limit", 50, 500);
    int p = MentionPaging.page(page);
    MentionFilter filter = MentionFilter.parse(params);
    MentionStore.MentionPage result = views.page(filter, p, n);
    return ResponseEntity.ok()
        .header("X-Total-Count", Long.toString(result.total()))
        .headers(h -> MentionPaging.links(filter, result).ifPresent(l -> h.add("Link", l)))
        .body(views.json(result.items()));
  }

  @GetMapping("/mentions/{id}")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  @Operation(summary = "One mention with its readings, spans, rules and person")
  MentionViews.MentionJson mention(@PathVariable long id) {
    return views.json(views.get(id));
  }

  @GetMapping("/ingest/stats")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  Map<String, Object> stats() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", ingest.kafkaMode() ? "kafka" : "in-process");
    m.put("queueDepth", ingest.queueDepth());
    m.put("queueCapacity", ingest.queueCapacity());
    m.put("mentions", mentions.count());
    m.put("latencyP50Ms", ingest.latency().percentileMillis(0.50));
    m.put("latencyP99Ms", ingest.latency().percentileMillis(0.99));
    m.put("latencyCount", ingest.latency().count());
    m.put("lockRetries", ingest.raceRetries());
    KafkaMatchers matchers = kafka.getIfAvailable();
    if (matchers != null) {
      m.put("kafka", matchers.stats());
    }
    return m;
  }

  /**
   * Starts the latency figures afresh, for example after a warm-up or a configuration change: the
   * percentiles then describe only what came after.
   */
  @PostMapping("/ingest/stats/reset")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  ResponseEntity<Void> resetStats() {
    ingest.latency().reset();
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/listening/rules")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  List<ListeningRules.Rule> rules() {
    return rules.all();
  }

  @PostMapping("/listening/rules")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  ResponseEntity<ListeningRules.Rule> createRule(@RequestBody RuleBody body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(rules.create(body.name(), body.text(), body.isEnabled(), body.field()));
  }

  @GetMapping("/listening/rules/{id}")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  ListeningRules.Rule rule(@PathVariable long id) {
    return rules.get(id);
  }

  @PutMapping("/listening/rules/{id}")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  ListeningRules.Rule updateRule(@PathVariable long id, @RequestBody RuleBody body) {
    return rules.update(id, body.name(), body.text(), body.isEnabled(), body.field());
  }

  @PostMapping("/listening/rules/{id}/enable")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  ListeningRules.Rule enableRule(@PathVariable long id) {
    return rules.enable(id, true);
  }

  @PostMapping("/listening/rules/{id}/disable")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  ListeningRules.Rule disableRule(@PathVariable long id) {
    return rules.enable(id, false);
  }

  /** Runs a query, unsaved, over the most recent stored mentions; a read, so LISTENING_READ. */
  @PostMapping("/listening/rules/test")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  RuleTester.TestResult testRule(@RequestBody TestBody body) {
    return tester.test("query", body.query(), body.limit());
  }

  /** Problem Details for a query the parser refused, with the column it points at. */
  @ExceptionHandler(RuleQueryRefused.class)
  ProblemDetail refusedQuery(RuleQueryRefused e) {
    ProblemDetail problem = Problems.invalid(e.errors());
    List<Map<String, Object>> errors = new ArrayList<>();
    for (InvalidInputException.FieldError err : e.errors()) {
      Map<String, Object> one = Problems.entry(err);
      if (err.field().equals(e.field())) {
        one.put("message", e.error().message());
        one.put("column", e.error().column());
      }
      errors.add(one);
    }
    problem.setProperty("errors", errors);
    return problem;
  }

  @DeleteMapping("/listening/rules/{id}")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  ResponseEntity<Void> deleteRule(@PathVariable long id) {
    rules.delete(id);
    return ResponseEntity.noContent().build();
  }
}
