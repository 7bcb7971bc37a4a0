package dev.rapport.shared;

import java.util.List;

/**
 * What a feature shows on the timeline's touchpoints of its records, without the timeline knowing
 * the feature (and without the feature depending on the timeline; the timeline implements it):
 * chips, words of the summary to highlight, and a link to the feature's own page for the record.
 * Keyed by the touchpoint's source (type, id), so they may be written before or after the
 * touchpoint itself; writing them again replaces them.
 */
public interface TouchpointBadges {

  /** The badges for one touchpoint source; {@code href} is a path inside Rapport or null. */
  record Badges(
      String sourceType,
      String sourceId,
      String href,
      List<Badge> badges,
      List<String> highlights) {

    public Badges {
      badges = List.copyOf(badges);
      highlights = List.copyOf(highlights);
    }
  }

  void putAll(List<Badges> all);
}
