package dev.rapport.access;

import java.util.Objects;

/** A group of users; with team visibility, members see each other's records. */
public record Team(long id, String name) {

  public Team {
    Objects.requireNonNull(name, "name");
  }
}
