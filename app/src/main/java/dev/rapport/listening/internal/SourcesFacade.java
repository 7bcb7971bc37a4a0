package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import java.util.List;
import org.springframework.stereotype.Component;

/** The public {@link Sources} facade over the ingest pipeline. */
@Component
class SourcesFacade implements Sources {

  private final SourceStore sources;
  private final Ingest ingest;
  private final Mentions mentions;

  SourcesFacade(SourceStore sources, Ingest ingest, Mentions mentions) {
    this.sources = sources;
    this.ingest = ingest;
    this.mentions = mentions;
  }

  @Override
  public IngestOutcome ingest(String sourceName, List<NormalizedPost> posts) {
    Source source =
        sources
            .byName(sourceName)
            .orElseGet(
                () -> sources.get(sources.create(sourceName, SourceKind.WEBHOOK, "{}", null, 300)));
    try {
      return ingest.accept(source, posts, List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while ingesting", e);
    }
  }

  @Override
  public long mentionCount() {
    return mentions.count();
  }
}
