package dev.rapport.listening.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/** The listening API: sources and their health, dead letters, mentions, interim keyword rules. */
@RestController
@RequestMapping("/api/v1")
class ListeningApiController {

  /** Body of POST /api/v1/sources. */
  record NewSource(String name, String kind, JsonNode config, Integer pollSeconds) {}

  /** Body of POST and PUT /api/v1/listening/rules. */
  record RuleBody(String name, String keywords, Boolean enabled) {}

  private final SourceAdmin admin;
  private final DeadLetters deadLetters;
  private final Mentions mentions;
  private final ListeningRules rules;
  private final Ingest ingest;

  ListeningApiController(
      SourceAdmin admin,
      DeadLetters deadLetters,
      Mentions mentions,
      ListeningRules rules,
      Ingest ingest) {
    this.admin = admin;
    this.deadLetters = deadLetters;
    this.mentions = mentions;
    this.rules = rules;
    this.ingest = ingest;
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
  List<DeadLetters.DeadLetter> deadLetters(
      @RequestParam(required = false) Long sourceId,
      @RequestParam(defaultValue = "100") int limit) {
    return deadLetters.recent(sourceId, Math.max(1, Math.min(limit, 1000)));
  }

  @GetMapping("/mentions")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  List<Mentions.Mention> mentions(@RequestParam(defaultValue = "50") int limit) {
    return mentions.recent(Math.max(1, Math.min(limit, 500)));
  }

  @GetMapping("/ingest/stats")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  Map<String, Object> stats() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("queueDepth", ingest.queueDepth());
    m.put("queueCapacity", ingest.queueCapacity());
    m.put("mentions", mentions.count());
    m.put("latencyP50Ms", ingest.latency().percentileMillis(0.50));
    m.put("latencyP99Ms", ingest.latency().percentileMillis(0.99));
    return m;
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
        .body(rules.create(body.name(), body.keywords(), body.enabled() == null || body.enabled()));
  }

  @PutMapping("/listening/rules/{id}")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  ListeningRules.Rule updateRule(@PathVariable long id, @RequestBody RuleBody body) {
    return rules.update(id, body.name(), body.keywords(), body.enabled() == null || body.enabled());
  }

  @DeleteMapping("/listening/rules/{id}")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  ResponseEntity<Void> deleteRule(@PathVariable long id) {
    rules.delete(id);
    return ResponseEntity.noContent().build();
  }
}
