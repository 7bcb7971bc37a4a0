package dev.rapport.access;

import java.util.Objects;
import java.util.Set;

/**
 * Who is acting: a signed-in user, an API token's user, or the system itself (imports, rules, demo
 * data). Features record it as "by whom" in their histories.
 */
public record Actor(Long userId, String name, Set<Role> roles, Set<Long> teamIds) {

  public static final Actor SYSTEM = new Actor(null, "system", Set.of(Role.ADMIN), Set.of());

  public Actor {
    Objects.requireNonNull(name, "name");
    roles = Set.copyOf(roles);
    teamIds = Set.copyOf(teamIds);
  }

  public boolean can(Permission permission) {
    return roles.stream().anyMatch(r -> r.grants(permission));
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }
}
