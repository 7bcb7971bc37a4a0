package dev.rapport.listening;

import java.util.List;

/**
 * The facade other features (and demo loaders) use to feed posts in: they go through the same
 * validation, deduplication and classification as posts from any connector.
 */
public interface Sources {

  /** What happened to a batch: how many were new mentions, unmatched, duplicates or refused. */
  record IngestOutcome(int received, int mentions, int unmatched, int duplicates, int rejected) {}

  /**
   * Validates, classifies and stores the posts as coming from the named source (created as a
   * webhook-kind source if missing); returns once they are stored. In Kafka mode it returns once
   * the broker has acknowledged them, with zero mentions, unmatched and duplicates: the matchers
   * store them afterwards.
   */
  IngestOutcome ingest(String sourceName, List<NormalizedPost> posts);

  /** Number of mentions stored so far. */
  long mentionCount();
}
