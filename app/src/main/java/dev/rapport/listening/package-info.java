/**
 * Listening: sources (feeds, Mastodon, Bluesky Jetstream, webhook, file replay) with their cursors
 * and health, the ingest pipeline that normalises, validates, deduplicates and classifies every
 * post, and the mentions it keeps. Other features learn of new mentions through {@link
 * dev.rapport.listening.MentionCaptured}, and of their authors' edits and deletes through {@link
 * dev.rapport.listening.MentionRevised}; everything else lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Listening")
package dev.rapport.listening;
