package dev.rapport.lifecycle;

import java.util.Objects;

/** Who moved a person: a user, a rule or an import, with its name. */
public record ChangedBy(Kind kind, String name) {

  /** The kinds of mover a stage history records. */
  public enum Kind {
    USER,
    RULE,
    IMPORT
  }

  public ChangedBy {
    Objects.requireNonNull(kind, "kind");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a mover needs a name");
    }
  }

  public static ChangedBy user(String name) {
    return new ChangedBy(Kind.USER, name);
  }

  public static ChangedBy rule(String name) {
    return new ChangedBy(Kind.RULE, name);
  }

  public static ChangedBy importer(String name) {
    return new ChangedBy(Kind.IMPORT, name);
  }
}
