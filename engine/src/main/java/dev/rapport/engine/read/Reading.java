package dev.rapport.engine.read;

import java.util.List;
import java.util.Optional;

/**
 * What one post means: its language and, when the readers know that language, its sentiment,
 * intents, life events and topics, each with evidence. For an unsupported language the reading is
 * empty and {@link #note()} says why, rather than guessing.
 */
public final class Reading {

  private final String language;
  private final boolean supported;
  private final Sentiment sentiment;
  private final List<IntentSignal> intents;
  private final List<EventSignal> events;
  private final List<TopicSignal> topics;

  Reading(
      String language,
      Sentiment sentiment,
      List<IntentSignal> intents,
      List<EventSignal> events,
      List<TopicSignal> topics) {
    this.language = language;
    this.supported = true;
    this.sentiment = sentiment;
    this.intents = List.copyOf(intents);
    this.events = List.copyOf(events);
    this.topics = List.copyOf(topics);
  }

  private Reading(String language) {
    this.language = language;
    this.supported = false;
    this.sentiment = null;
    this.intents = List.of();
    this.events = List.of();
    this.topics = List.of();
  }

  static Reading unsupported(String language) {
    return new Reading(language);
  }

  /** ISO 639-1 code of the detected or given language, or "und" when the post has no words. */
  public String language() {
    return language;
  }

  public boolean isSupported() {
    return supported;
  }

  /** Empty for unsupported languages. */
  public Optional<Sentiment> sentiment() {
    return Optional.ofNullable(sentiment);
  }

  public List<IntentSignal> intents() {
    return intents;
  }

  public boolean has(Intent intent) {
    return intents.stream().anyMatch(s -> s.intent() == intent);
  }

  public List<EventSignal> events() {
    return events;
  }

  public boolean has(LifeEvent event) {
    return events.stream().anyMatch(s -> s.event() == event);
  }

  public List<TopicSignal> topics() {
    return topics;
  }

  /** Empty when the post was read, otherwise why not. */
  public String note() {
    return supported ? "" : "unsupported language: " + language;
  }
}
