package dev.rapport.listening.internal;

import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.shared.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Mentions as the pages and the API show them: readings, spans and rules as structured values, the
 * author's person when the viewer may see that person. Every read of mentions goes through {@link
 * MentionScope}: the list, its count and filter choices, one mention, cards by id.
 */
@Component
class MentionViews {

  static final String TYPE = "mention";

  /** A mention in the API: readings and spans as JSON, rules by id and name. */
  @Schema(name = "Mention", description = "A stored post that matched at least one listening rule")
  record MentionJson(
      @Schema(example = "249") long id,
      @Schema(example = "mastodon") String network,
      String nativeId,
      @Schema(example = "@ada@example.social") String authorHandle,
      @Schema(example = "Ada Lovelace") String authorDisplayName,
      String authorProfileUrl,
      @Schema(
              description =
                  "The author's Rapport person; null when the caller may not see that person",
              example = "472")
          Long personId,
      @Schema(example = "New job! Thrilled to start at Globex, looking for a CRM recommendation")
          String text,
      String url,
      @Schema(
              description =
                  "When the post was written (the list is sorted by it, newest first); when"
                      + " timeUnknown, the time it was fetched")
          Instant createdAt,
      @Schema(
              description =
                  "The source gave no readable time (a feed entry without a date): createdAt is"
                      + " the fetch time",
              example = "false")
          boolean timeUnknown,
      @Schema(example = "en") String language,
      @Schema(description = "When Rapport stored it") Instant capturedAt,
      @Schema(description = "Ids of the rules it matched", example = "[\"2\", \"6\"]")
          List<String> ruleIds,
      @Schema(
              description =
                  "The rules it matched, by name, with the words of the post each matched")
          List<PostReadings.RuleRef> rules,
      @Schema(
              description =
                  "Highlight spans of the rules: UTF-16 offsets [start, end) into text, per rule"
                      + " id",
              example = "[{\"rule\": \"2\", \"start\": 68, \"end\": 71}]")
          JsonNode spans,
      @Schema(
              description =
                  "What the post reader found: sentiment (score in [-1, 1], label), intents and"
                      + " life events with confidence and evidence (UTF-16 offsets, words, cue),"
                      + " topics. Not supported languages carry supported=false and a note.",
              example = READINGS_EXAMPLE)
          JsonNode readings,
      Links links) {}

  static final String READINGS_EXAMPLE =
      """
      {"language": "en", "supported": true,
       "sentiment": {"score": 0.703, "label": "positive",
         "evidence": [{"start": 9, "end": 17, "text": "Thrilled", "cue": "positive word"}]},
       "intents": [{"intent": "BUYING", "confidence": 0.51, "target": "", "about": "OTHER",
         "evidence": [{"start": 37, "end": 54, "text": "looking for a CRM", "cue": "buy cue"}]}],
       "events": [{"event": "NEW_JOB", "confidence": 0.95, "subject": "", "timing": "TRIGGER",
         "evidence": [{"start": 0, "end": 7, "text": "New job", "cue": "event cue"}]}],
       "topics": [{"topic": "careers", "weight": 0.5, "evidence": []}]}
      """;

  /** Where a mention lives in the UI and API. */
  record Links(String self, String page, String person) {}

  /** The author's person as a link, when the viewer may see them. */
  record PersonLink(long id, String name, String href) {}

  /** A mention with its reading for the post card. */
  record Card(
      MentionStore.Mention mention,
      String authorName,
      PersonLink person,
      PostReadings.Read read,
      String href) {}

  private final MentionStore mentions;
  private final ListeningRules rules;
  private final Persons persons;
  private final MentionScope scope;
  private final ObjectMapper json;

  MentionViews(
      MentionStore mentions,
      ListeningRules rules,
      Persons persons,
      MentionScope scope,
      ObjectMapper json) {
    this.mentions = mentions;
    this.rules = rules;
    this.persons = persons;
    this.scope = scope;
    this.json = json;
  }

  /**
   * The mention by id, or not found when it does not exist or is not visible ({@link
   * MentionScope}).
   */
  MentionStore.Mention get(long id) {
    return mentions
        .find(scope.current(), id)
        .orElseThrow(() -> new NotFoundException("mention", id));
  }

  /** A page of visible mentions; the total counts the visible ones only. */
  MentionStore.MentionPage page(MentionFilter filter, int page, int size) {
    return mentions.page(scope.current(), filter, page, size);
  }

  /** How many mentions the current user may see. */
  long count() {
    return mentions.count(scope.current());
  }

  /** The networks or languages of the visible mentions. */
  List<String> distinct(String column) {
    return mentions.distinct(scope.current(), column);
  }

  List<MentionJson> json(List<MentionStore.Mention> list) {
    Lookup lookup = new Lookup();
    return list.stream().map(m -> json(m, lookup)).toList();
  }

  MentionJson json(MentionStore.Mention m) {
    return json(m, new Lookup());
  }

  List<Card> cards(List<MentionStore.Mention> list) {
    Lookup lookup = new Lookup();
    return list.stream().map(m -> card(m, lookup)).toList();
  }

  /** Cards of the visible mentions among these ids, by id. */
  Map<Long, Card> cardsById(List<Long> ids) {
    Map<Long, Card> out = new HashMap<>();
    cards(mentions.byIds(scope.current(), ids)).forEach(c -> out.put(c.mention().id(), c));
    return out;
  }

  Card card(MentionStore.Mention m) {
    return card(m, new Lookup());
  }

  /** The mentions' readings without the viewer's person lookup (for the timeline's badges). */
  List<PostReadings.Read> readings(List<MentionStore.Mention> list) {
    Lookup lookup = new Lookup();
    return list.stream()
        .map(
            m -> {
              JsonNode spans = tree(m.spans(), true);
              return PostReadings.read(
                  m.text(), tree(m.readings(), false), spans, lookup.rules(m, spans));
            })
        .toList();
  }

  private MentionJson json(MentionStore.Mention m, Lookup lookup) {
    JsonNode spans = tree(m.spans(), true);
    PersonLink person = lookup.person(m.personId());
    return new MentionJson(
        m.id(),
        m.network(),
        m.nativeId(),
        m.authorHandle(),
        m.authorDisplayName(),
        m.authorProfileUrl(),
        person == null ? null : person.id(),
        m.text(),
        m.url(),
        m.createdAt(),
        m.timeUnknown(),
        m.language(),
        m.capturedAt(),
        m.ruleIdList(),
        lookup.rules(m, spans),
        spans,
        tree(m.readings(), false),
        new Links(
            "/api/v1/mentions/" + m.id(),
            "/listening/mentions/" + m.id(),
            person == null ? null : "/api/v1/persons/" + person.id()));
  }

  private Card card(MentionStore.Mention m, Lookup lookup) {
    JsonNode spans = tree(m.spans(), true);
    PostReadings.Read read =
        PostReadings.read(m.text(), tree(m.readings(), false), spans, lookup.rules(m, spans));
    return new Card(
        m,
        m.authorDisplayName() != null && !m.authorDisplayName().isBlank()
            ? m.authorDisplayName()
            : m.authorHandle(),
        lookup.person(m.personId()),
        read,
        "/listening/mentions/" + m.id());
  }

  /** Stored JSON as a tree; a value that does not parse becomes an empty object or array. */
  private JsonNode tree(String stored, boolean array) {
    try {
      JsonNode n = stored == null ? null : json.readTree(stored);
      if (n != null && (array ? n.isArray() : n.isObject())) {
        return n;
      }
    } catch (RuntimeException e) {
      // fall through: an unreadable value shows as empty rather than failing the page
    }
    return array ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
  }

  /** Per-request caches of rule names and persons, so a page asks once per rule and person. */
  private final class Lookup {
    private Map<String, String> ruleNames;
    private final Map<Long, Optional<PersonLink>> people = new HashMap<>();

    List<PostReadings.RuleRef> rules(MentionStore.Mention m, JsonNode spans) {
      if (ruleNames == null) {
        ruleNames = new HashMap<>();
        rules.all().forEach(r -> ruleNames.put(Long.toString(r.id()), r.name()));
      }
      return m.ruleIdList().stream()
          .map(
              id ->
                  new PostReadings.RuleRef(
                      id,
                      ruleNames.getOrDefault(id, "rule " + id + " (deleted)"),
                      PostReadings.terms(m.text(), spans, id)))
          .toList();
    }

    PersonLink person(Long id) {
      if (id == null) {
        return null;
      }
      return people
          .computeIfAbsent(
              id,
              k -> {
                PersonId current = persons.current(new PersonId(k));
                return persons.find(current).map(MentionViews::link);
              })
          .orElse(null);
    }
  }

  private static PersonLink link(PersonSummary p) {
    return new PersonLink(p.id().value(), p.name(), "/persons/" + p.id().value());
  }
}
