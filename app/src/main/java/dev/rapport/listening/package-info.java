/**
 * Listening: sources (feeds, Mastodon, Bluesky Jetstream, webhook, file replay) with their cursors
 * and health, the ingest pipeline that normalises, validates, deduplicates and classifies every
 * post, and the mentions it keeps. Other features learn of new mentions through {@link
 * dev.rapport.listening.MentionCaptured}; captured posts are appended to their authors' timelines
 * in the storing transaction. Everything else lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Listening",
    allowedDependencies = {"people", "timeline", "access", "shared"})
package dev.rapport.listening;
