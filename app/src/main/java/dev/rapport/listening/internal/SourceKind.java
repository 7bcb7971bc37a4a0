package dev.rapport.listening.internal;

/** Where a source's posts come from; each kind has one connector. */
enum SourceKind {
  /** RSS 2.0 or Atom feed, polled with conditional requests. */
  FEED,
  /** Mastodon REST timelines or search, polled; or its streaming API when mode=stream. */
  MASTODON,
  /** Bluesky Jetstream WebSocket. */
  JETSTREAM,
  /** Posts pushed to POST /api/v1/ingest with the source's token. */
  WEBHOOK,
  /** JSONL, CSV or tweet-archive file replayed from the imports directory or the samples. */
  FILE
}
