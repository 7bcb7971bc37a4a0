package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;

/**
 * The port between ingest and matching. Until the engine's matcher and readers are merged, {@link
 * KeywordRuleClassifier} implements it; the integrator replaces that bean with an adapter over
 * {@code dev.rapport.engine.match} and {@code dev.rapport.engine.read}. Must be thread-safe.
 */
interface PostClassifier {

  Classification classify(NormalizedPost post);
}
