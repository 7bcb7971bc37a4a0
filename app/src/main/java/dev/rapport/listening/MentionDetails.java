package dev.rapport.listening;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stored mention as other features act on it: what the post reader found in it (intents and
 * life events with their evidence), the rules it matched by name, and whether its author deleted
 * it. Not filtered by the current user: callers ask people's visibility question for the author.
 */
public interface MentionDetails {

  /** Words of the post behind a reading: UTF-16 offsets [start, end) into the text. */
  record Evidence(int start, int end, String text, String cue) {}

  /**
   * An intent ({@code kind} "intent", {@code name} BUYING, SWITCHING, COMPLAINT, PRAISE, QUESTION)
   * or a life event ({@code kind} "event", {@code name} NEW_JOB ..., {@code caution} true for the
   * events that mean "not now").
   */
  record Reading(
      String kind, String name, boolean caution, double confidence, List<Evidence> evidence) {
    public Reading {
      evidence = List.copyOf(evidence);
    }
  }

  /** A listening rule by id and name. */
  record Rule(String id, String name) {}

  /** A mention and its readings. */
  record Detail(
      long id,
      PersonId author,
      String network,
      String nativeId,
      String authorHandle,
      String language,
      String text,
      String url,
      Instant createdAt,
      Instant deletedAt,
      String sentiment,
      List<Reading> readings,
      List<Rule> rules) {
    public Detail {
      readings = List.copyOf(readings);
      rules = List.copyOf(rules);
    }

    public boolean isDeleted() {
      return deletedAt != null;
    }
  }

  Optional<Detail> find(long mentionId);

  /**
   * The native id of the post this mention answers, as its network gave it ({@code replyTo} of the
   * normalised post); empty for a post that answers nothing or a mention that does not exist. Care
   * uses it to keep a thread in one case.
   */
  Optional<String> replyTo(long mentionId);

  /** Every listening rule by id and name, for pickers and for checking a rule id exists. */
  List<Rule> rules();

  /**
   * The post cards of the mentions, by id, for the {@code listening/post :: card(c)} fragment (text
   * cut into escaped segments with evidence and rule words marked, chips that say why). Each card
   * links the author's person only when the current user may see that person.
   */
  Map<Long, Object> cards(List<Long> mentionIds);
}
