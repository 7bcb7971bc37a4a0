package dev.rapport.listening.internal;

import dev.rapport.listening.MentionDetails;
import dev.rapport.people.PersonId;
import dev.rapport.people.VisiblePersons;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@link MentionDetails} over the mention store and the stored readings JSON. */
@Component
class MentionDetailsFacade implements MentionDetails {

  private final MentionStore mentions;
  private final ListeningRules rules;
  private final MentionViews views;
  private final ObjectMapper json;

  MentionDetailsFacade(
      MentionStore mentions, ListeningRules rules, MentionViews views, ObjectMapper json) {
    this.mentions = mentions;
    this.rules = rules;
    this.views = views;
    this.json = json;
  }

  @Override
  public Optional<Detail> find(long mentionId) {
    // No scope here: the inbox asks people's visibility for the item's person before it shows one.
    return mentions.find(VisiblePersons.Condition.ALL, mentionId).map(this::detail);
  }

  @Override
  public Optional<String> replyTo(long mentionId) {
    return mentions.replyTo(mentionId);
  }

  @Override
  public List<Rule> rules() {
    return rules.all().stream().map(r -> new Rule(Long.toString(r.id()), r.name())).toList();
  }

  @Override
  public Map<Long, Object> cards(List<Long> mentionIds) {
    Map<Long, Object> out = new HashMap<>();
    views.cardsById(mentionIds).forEach(out::put);
    return out;
  }

  private Detail detail(MentionStore.Mention m) {
    JsonNode readings = tree(m.readings());
    List<Reading> list = new ArrayList<>();
    for (JsonNode i : readings.path("intents")) {
      list.add(
          new Reading(
              "intent",
              i.path("intent").asString("").toUpperCase(java.util.Locale.ROOT),
              false,
              i.path("confidence").asDouble(0),
              evidence(i)));
    }
    for (JsonNode e : readings.path("events")) {
      list.add(
          new Reading(
              "event",
              e.path("event").asString("").toUpperCase(java.util.Locale.ROOT),
              "CAUTION".equalsIgnoreCase(e.path("timing").asString("")),
              e.path("confidence").asDouble(0),
              evidence(e)));
    }
    Map<String, String> names = new HashMap<>();
    rules.all().forEach(r -> names.put(Long.toString(r.id()), r.name()));
    List<Rule> matched =
        m.ruleIdList().stream()
            .map(id -> new Rule(id, names.getOrDefault(id, "rule " + id + " (deleted)")))
            .toList();
    String sentiment = readings.path("sentiment").path("label").asString(null);
    return new Detail(
        m.id(),
        m.personId() == null ? null : new PersonId(m.personId()),
        m.network(),
        m.nativeId(),
        m.authorHandle(),
        m.language(),
        m.text(),
        m.url(),
        m.createdAt(),
        m.deletedAt(),
        sentiment,
        list,
        matched);
  }

  private static List<Evidence> evidence(JsonNode reading) {
    List<Evidence> out = new ArrayList<>();
    for (JsonNode ev : reading.path("evidence")) {
      out.add(
          new Evidence(
              ev.path("start").asInt(-1),
              ev.path("end").asInt(-1),
              ev.path("text").asString(""),
              ev.path("cue").asString("")));
    }
    return out;
  }

  private JsonNode tree(String stored) {
    try {
      JsonNode n = stored == null ? null : json.readTree(stored);
      return n == null ? json.createObjectNode() : n;
    } catch (RuntimeException e) {
      return json.createObjectNode();
    }
  }
}
