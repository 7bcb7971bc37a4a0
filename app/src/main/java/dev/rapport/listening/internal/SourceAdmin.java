package dev.rapport.listening.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Creating, pausing, resuming and listing sources with their health, for the API and the UI. */
@Component
class SourceAdmin {

  /** A source with its health, secrets masked. */
  record SourceView(
      long id,
      String name,
      SourceKind kind,
      JsonNode config,
      boolean paused,
      boolean running,
      int pollSeconds,
      String cursor,
      Instant nextRunAt,
      int failures,
      Instant lastSuccessAt,
      Instant lastErrorAt,
      String lastError,
      long postsTotal,
      long unmatchedTotal,
      long mentionsTotal,
      long rejectedTotal,
      long postsPerMinute,
      String health) {}

  /** A new source; the webhook token is only ever shown here. */
  record Created(SourceView source, String token) {}

  private static final List<String> SECRETS =
      List.of("accessToken", "token", "password", "appPassword");

  private final SourceStore store;
  private final SourceScheduler scheduler;
  private final SourceRates rates;
  private final UrlGuard guard;
  private final ObjectMapper json;
  private final AuditLog audit;

  SourceAdmin(
      SourceStore store,
      SourceScheduler scheduler,
      SourceRates rates,
      UrlGuard guard,
      ObjectMapper json,
      AuditLog audit) {
    this.store = store;
    this.scheduler = scheduler;
    this.rates = rates;
    this.guard = guard;
    this.json = json;
    this.audit = audit;
  }

  List<SourceView> all() {
    return store.all().stream().map(this::view).toList();
  }

  SourceView get(long id) {
    return view(store.get(id));
  }

  @Transactional
  Created create(String name, String kind, JsonNode config, Integer pollSeconds) {
    if (name == null || name.isBlank() || name.length() > 120) {
      throw InvalidInputException.of("name", "must be 1-120 characters");
    }
    if (store.byName(name.strip()).isPresent()) {
      throw InvalidInputException.of("name", "a source named '" + name.strip() + "' exists");
    }
    SourceKind k;
    try {
      k = SourceKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(
          "kind", "must be one of FEED, MASTODON, JETSTREAM, WEBHOOK, FILE");
    }
    if (config == null || config.isNull()) {
      config = json.createObjectNode();
    }
    if (!config.isObject()) {
      throw InvalidInputException.of("config", "must be a JSON object");
    }
    int poll = pollSeconds == null ? 300 : pollSeconds;
    if (poll < 1 || poll > 86_400) {
      throw InvalidInputException.of("pollSeconds", "must be between 1 and 86400");
    }
    for (String field : List.of("url", "instance", "endpoint")) {
      String v = FileConnector.text(config, field);
      if (v != null) {
        guard.check("config." + field, v);
      }
    }
    Connector connector = scheduler.connector(k);
    if (connector != null) {
      connector.validate(config);
    }
    String token = k == SourceKind.WEBHOOK ? SourceTokens.newToken() : null;
    long id =
        store.create(
            name.strip(),
            k,
            json.writeValueAsString(config),
            token == null ? null : SourceTokens.hash(token),
            poll);
    SourceView view = get(id);
    audit.record("listening_source", id, AuditLog.Action.CREATE, null, view);
    return new Created(view, token);
  }

  /** Reads the config JSON text from a form; names the field when it is not JSON. */
  JsonNode parseConfig(String text) {
    if (text == null || text.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(text);
    } catch (JacksonException e) {
      throw InvalidInputException.of("config", "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  @Transactional
  SourceView pause(long id) {
    store.get(id);
    store.setPaused(id, true);
    scheduler.requestStop(id);
    audit.record(
        "listening_source",
        id,
        AuditLog.Action.UPDATE,
        Map.of("paused", false),
        Map.of("paused", true));
    return get(id);
  }

  @Transactional
  SourceView resume(long id) {
    store.get(id);
    store.setPaused(id, false);
    audit.record(
        "listening_source",
        id,
        AuditLog.Action.UPDATE,
        Map.of("paused", true),
        Map.of("paused", false));
    return get(id);
  }

  @Transactional
  void delete(long id) {
    SourceView old = get(id);
    scheduler.requestStop(id);
    store.delete(id);
    audit.record("listening_source", id, AuditLog.Action.DELETE, old, null);
  }

  /** Mastodon account lookup through a Mastodon source's instance and token: profile data. */
  JsonNode lookupMastodonAccount(long id, String acct) throws Exception {
    Source s = store.get(id);
    if (s.kind() != SourceKind.MASTODON) {
      throw InvalidInputException.of("id", "source " + id + " is not a Mastodon source");
    }
    if (acct == null || acct.isBlank() || acct.length() > 300) {
      throw InvalidInputException.of("acct", "give an account such as ada or ada@example.social");
    }
    MastodonConnector mastodon = (MastodonConnector) scheduler.connector(SourceKind.MASTODON);
    return mastodon.lookupAccount(json.readTree(s.config()), acct.strip());
  }

  private SourceView view(Source s) {
    JsonNode config = json.readTree(s.config());
    if (config instanceof ObjectNode o) {
      for (String secret : SECRETS) {
        if (o.has(secret)) {
          o.put(secret, "***");
        }
      }
    }
    boolean running = scheduler.isRunning(s.id());
    return new SourceView(
        s.id(),
        s.name(),
        s.kind(),
        config,
        s.paused(),
        running,
        s.pollSeconds(),
        s.cursor(),
        s.nextRunAt(),
        s.failures(),
        s.lastSuccessAt(),
        s.lastErrorAt(),
        s.lastError(),
        s.postsTotal(),
        s.unmatchedTotal(),
        s.mentionsTotal(),
        s.rejectedTotal(),
        rates.perMinute(s.id(), System.currentTimeMillis()),
        health(s));
  }

  static String health(Source s) {
    if (s.paused()) {
      return "paused";
    }
    if (s.failures() > 0) {
      return "failing";
    }
    if (s.lastErrorAt() != null
        && (s.lastSuccessAt() == null || s.lastErrorAt().isAfter(s.lastSuccessAt()))) {
      return "waiting";
    }
    return s.lastSuccessAt() == null && s.kind() != SourceKind.WEBHOOK ? "new" : "ok";
  }
}
