package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** The public {@link Sources} facade over the ingest pipeline. */
@Component
class SourcesFacade implements Sources {

  private final SourceStore sources;
  private final Ingest ingest;
  private final MentionStore mentions;

  SourcesFacade(SourceStore sources, Ingest ingest, MentionStore mentions) {
    this.sources = sources;
    this.ingest = ingest;
    this.mentions = mentions;
  }

  @Override
  public IngestOutcome ingest(String sourceName, List<NormalizedPost> posts) {
    Source source = sources.byName(sourceName).orElseGet(() -> createOrFind(sourceName));
    try {
      return ingest.accept(source, posts, List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while ingesting", e);
    }
  }

  /** Two callers naming the same new source at once: the one that loses the insert reads it. */
  private Source createOrFind(String sourceName) {
    try {
      return sources.get(sources.create(sourceName, SourceKind.WEBHOOK, "{}", null, 300));
    } catch (DuplicateKeyException raced) {
      return sources
          .byName(sourceName)
          .orElseThrow(() -> new IllegalStateException("source " + sourceName + " vanished"));
    }
  }

  @Override
  public long mentionCount() {
    return mentions.count();
  }
}
