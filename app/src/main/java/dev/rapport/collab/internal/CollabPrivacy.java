package dev.rapport.collab.internal;

import dev.rapport.people.PersonDataExport;
import dev.rapport.people.PersonId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The feed's part of a person's data export: the comments and entries of their feed. */
@Component
class CollabPrivacy implements PersonDataExport {

  private final FeedStore store;

  CollabPrivacy(FeedStore store) {
    this.store = store;
  }

  @Override
  public Map<String, Object> sectionsAbout(List<PersonId> persons) {
    return Map.of(
        "feed", store.export(SubjectType.PERSON, persons.stream().map(PersonId::value).toList()));
  }
}
