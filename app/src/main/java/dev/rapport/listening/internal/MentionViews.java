package dev.rapport.listening.internal;

import dev.rapport.access.Actors;
import dev.rapport.access.RecordVisibility;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.shared.NotFoundException;
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
 * author's person when the viewer may see that person. Every route about a mention asks {@link
 * #visible} (record type {@code mention}), the same question the list asks.
 */
@Component
class MentionViews {

  static final String TYPE = "mention";

  /** A mention in the API: readings and spans as JSON, rules by id and name. */
  record MentionJson(
      long id,
      String network,
      String nativeId,
      String authorHandle,
      String authorDisplayName,
      String authorProfileUrl,
      Long personId,
      String text,
      String url,
      Instant createdAt,
      String language,
      Instant capturedAt,
      List<String> ruleIds,
      List<PostReadings.RuleRef> rules,
      JsonNode spans,
      JsonNode readings,
      Links links) {}

  /** Where a mention lives in the UI and API. */
  record Links(String self, String page, String person) {}

  /** The author's person as a link, when the viewer may see them. */
  record PersonLink(long id, String name, String href) {}

  /** A mention with its reading for the post card. */
  record Card(
      Mentions.Mention mention,
      String authorName,
      PersonLink person,
      PostReadings.Read read,
      String href) {}

  private final Mentions mentions;
  private final ListeningRules rules;
  private final Persons persons;
  private final Actors actors;
  private final RecordVisibility visibility;
  private final ObjectMapper json;

  MentionViews(
      Mentions mentions,
      ListeningRules rules,
      Persons persons,
      Actors actors,
      RecordVisibility visibility,
      ObjectMapper json) {
    this.mentions = mentions;
    this.rules = rules;
    this.persons = persons;
    this.actors = actors;
    this.visibility = visibility;
    this.json = json;
  }

  /**
   * Whether the current user may see this mention. Mentions have no owner yet, so with listening
   * access every mention is visible; the question is asked here so the owner can come later.
   */
  boolean visible(Mentions.Mention m) {
    return visibility.canSee(actors.current(), TYPE, null);
  }

  /** The mention by id, or not found when it does not exist or is not visible. */
  Mentions.Mention get(long id) {
    return mentions
        .find(id)
        .filter(this::visible)
        .orElseThrow(() -> new NotFoundException("mention", id));
  }

  /** A page of visible mentions. */
  Mentions.MentionPage page(MentionFilter filter, int page, int size) {
    Mentions.MentionPage p = mentions.page(filter, page, size);
    return new Mentions.MentionPage(
        p.items().stream().filter(this::visible).toList(), p.total(), p.page(), p.size());
  }

  List<MentionJson> json(List<Mentions.Mention> list) {
    Lookup lookup = new Lookup();
    return list.stream().map(m -> json(m, lookup)).toList();
  }

  MentionJson json(Mentions.Mention m) {
    return json(m, new Lookup());
  }

  List<Card> cards(List<Mentions.Mention> list) {
    Lookup lookup = new Lookup();
    return list.stream().map(m -> card(m, lookup)).toList();
  }

  Card card(Mentions.Mention m) {
    return card(m, new Lookup());
  }

  /** The mentions' readings without the viewer's person lookup (for the timeline's badges). */
  List<PostReadings.Read> readings(List<Mentions.Mention> list) {
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

  private MentionJson json(Mentions.Mention m, Lookup lookup) {
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

  private Card card(Mentions.Mention m, Lookup lookup) {
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

    List<PostReadings.RuleRef> rules(Mentions.Mention m, JsonNode spans) {
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
