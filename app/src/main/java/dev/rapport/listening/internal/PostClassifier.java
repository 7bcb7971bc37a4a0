package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;

/**
 * The port between ingest and matching: {@link EngineClassifier} runs the engine's matcher and
 * readers behind it. Must be thread-safe.
 */
interface PostClassifier {

  Classification classify(NormalizedPost post);
}
