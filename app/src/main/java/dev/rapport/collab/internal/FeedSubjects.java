package dev.rapport.collab.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every wired {@link FeedSubject}, by type; a type without one is not found. */
@Component
public class FeedSubjects {

  private final Map<SubjectType, FeedSubject> byType = new EnumMap<>(SubjectType.class);

  FeedSubjects(List<FeedSubject> subjects) {
    for (FeedSubject s : subjects) {
      if (byType.put(s.type(), s) != null) {
        throw new IllegalStateException("two feed subjects for " + s.type());
      }
    }
  }

  public FeedSubject of(SubjectType type) {
    FeedSubject s = byType.get(type);
    if (s == null) {
      throw new NotFoundException("feed", type.key());
    }
    return s;
  }

  /** The type named by a path segment ("persons") or a name ("person"); refused when unknown. */
  public static SubjectType parse(String field, String raw) {
    if (raw != null) {
      for (SubjectType t : SubjectType.values()) {
        if (t.segment().equalsIgnoreCase(raw) || t.key().equalsIgnoreCase(raw)) {
          return t;
        }
      }
    }
    throw InvalidInputException.of(field, "must be one of persons, accounts, opportunities");
  }

  public boolean wired(SubjectType type) {
    return byType.containsKey(type);
  }
}
