package dev.rapport.access.signin;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads the actor from Spring Security's context: a database user (signed in, HTTP Basic or API
 * token) brings their id, roles and teams; any other authentication only its ROLE_* authorities.
 */
@Component
class ActorsFacade implements Actors {

  @Override
  public Actor current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
      return Actor.SYSTEM;
    }
    if (auth.getPrincipal() instanceof SignedInUser user) {
      return user.user().actor();
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (GrantedAuthority a : auth.getAuthorities()) {
      String name = a.getAuthority();
      if (name != null && name.startsWith("ROLE_")) {
        try {
          roles.add(Role.valueOf(name.substring(5)));
        } catch (IllegalArgumentException ignored) {
          // an authority that is not one of our roles grants nothing
        }
      }
    }
    return new Actor(null, auth.getName(), roles, Set.of());
  }
}
