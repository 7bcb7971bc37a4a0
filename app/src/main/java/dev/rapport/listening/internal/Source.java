package dev.rapport.listening.internal;

import java.time.Instant;

/** A source as stored: configuration, cursor, schedule and health counters. */
record Source(
    long id,
    String name,
    SourceKind kind,
    String config,
    String cursor,
    boolean paused,
    int pollSeconds,
    Instant nextRunAt,
    int failures,
    Instant lastSuccessAt,
    Instant lastErrorAt,
    String lastError,
    long postsTotal,
    long unmatchedTotal,
    long mentionsTotal,
    long rejectedTotal,
    Instant createdAt) {}
