package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads one kind of source. {@link #run} reads from the source's cursor on and hands posts to the
 * sink in batches; it returns when there is nothing more for now (polling sources) or when the
 * stream ends or the sink says stop (streaming sources). Errors are thrown; the scheduler retries
 * with backoff.
 */
interface Connector {

  SourceKind kind();

  void run(Source source, JsonNode config, Sink sink) throws Exception;

  /** Checks a source's configuration before it is saved; throws InvalidInputException. */
  void validate(JsonNode config);

  /** Where a connector's posts go. */
  interface Sink {

    /** The cursor saved after the last stored batch (null at the start). */
    String cursor();

    /**
     * Stores the posts (refusals go to the dead-letter list) and only then saves {@code
     * cursorAfter}; blocks while the ingest queue is full.
     */
    void deliver(List<NormalizedPost> posts, List<Ingest.Rejected> rejected, String cursorAfter)
        throws InterruptedException;

    /**
     * The author edited a post: once the batches before it are stored, a stored mention of it takes
     * the new text (matched again); a post not stored yet is delivered like a new one.
     */
    void edited(NormalizedPost post) throws InterruptedException;

    /**
     * The author deleted a post, named by its native id or by the id the source's server gave it
     * ({@link NormalizedPost#remoteId()}): once the batches before it are stored, its mention is
     * marked deleted and its text removed.
     */
    void deleted(String network, String nativeId, String remoteId) throws InterruptedException;

    /** The remote asked to slow down: do not run again before this time. */
    void notBefore(Instant when);

    /** True when the source was paused or the application is stopping. */
    boolean stopped();
  }
}
