package dev.rapport.access.signin;

import dev.rapport.access.Actors;
import dev.rapport.access.Permission;
import org.springframework.stereotype.Component;

/**
 * The bean behind {@code @PreAuthorize("@access.allows('PEOPLE_WRITE')")}: true when one of the
 * current actor's roles grants the permission.
 */
@Component("access")
class AccessChecks {

  private final Actors actors;

  public AccessChecks(Actors actors) {
    this.actors = actors;
  }

  public boolean allows(String permission) {
    return actors.current().can(Permission.valueOf(permission));
  }
}
