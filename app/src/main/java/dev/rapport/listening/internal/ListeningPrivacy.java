package dev.rapport.listening.internal;

import dev.rapport.people.PersonDataExport;
import dev.rapport.people.PersonErased;
import dev.rapport.people.PersonId;
import dev.rapport.shared.ExportRows;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posts a person wrote in their data export (with the raw payload as the source sent it), and
 * gone when they are erased: their mentions, dead letters that quote their handles, and listening's
 * caches of their identities. Later posts of theirs are refused by people's {@link
 * dev.rapport.people.ErasureBlocklist} before an author is resolved ({@link MentionBatches}).
 */
@Component
class ListeningPrivacy implements PersonDataExport {

  /** Shorter handles would match too many unrelated dead letters by their text. */
  private static final int MIN_QUOTED_HANDLE = 4;

  private final JdbcClient jdbc;
  private final MentionAuthors authors;
  private final BlueskyHandles bluesky;

  ListeningPrivacy(JdbcClient jdbc, MentionAuthors authors, BlueskyHandles bluesky) {
    this.jdbc = jdbc;
    this.authors = authors;
    this.bluesky = bluesky;
  }

  @Override
  public Map<String, Object> sectionsAbout(List<PersonId> persons) {
    return Map.of(
        "mentions",
        ExportRows.plain(
            jdbc.sql(
                    "select * from listening_mention where author_person_id in (:ids)"
                        + " order by created_at, id")
                .param("ids", persons.stream().map(PersonId::value).toList())
                .query()
                .listOfRows()));
  }

  /**
   * Synchronous, in the erasing transaction, on purpose (as for merges): an erasure is
   * all-or-nothing, so the person's rows and their posts go together or not at all, and the author
   * cache forgets them before a batch could tie a post to the erased person.
   */
  @EventListener
  @Transactional
  void on(PersonErased erased) {
    Set<String> handles =
        erased.identities().stream().map(PersonErased.Handle::handle).collect(Collectors.toSet());
    jdbc.sql("delete from listening_mention where author_person_id in (:ids)")
        .param("ids", erased.ids())
        .update();
    if (!handles.isEmpty()) {
      // mentions stored before authors were tied to persons carry only the handle
      jdbc.sql(
              "delete from listening_mention where author_person_id is null"
                  + " and author_handle in (:handles)")
          .param("handles", handles)
          .update();
    }
    for (String handle : handles) {
      if (handle.length() >= MIN_QUOTED_HANDLE) {
        jdbc.sql("delete from listening_dead_letter where raw_excerpt like :p escape '!'")
            .param("p", "%" + handle.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
            .update();
      }
    }
    authors.forget(erased.persons());
    bluesky.forget(handles);
  }
}
