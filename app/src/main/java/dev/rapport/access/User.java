package dev.rapport.access;

import java.util.Objects;
import java.util.Set;

/** A person who signs in to Rapport, with the roles and teams that decide what they may do. */
public record User(
    long id,
    String username,
    String displayName,
    Set<Role> roles,
    Set<Long> teamIds,
    boolean enabled) {

  public User {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    roles = Set.copyOf(roles);
    teamIds = Set.copyOf(teamIds);
  }

  boolean isEnabledAdmin() {
    return enabled && roles.contains(Role.ADMIN);
  }

  /** The actor this user is when acting in a request. */
  public Actor actor() {
    return new Actor(id, username, roles, teamIds);
  }
}
