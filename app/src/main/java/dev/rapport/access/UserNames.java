package dev.rapport.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How pages name a user: by display name, linked to the user's page when the viewer may open it
 * (user admins), never by user name or "user #3". A user id or name that no longer resolves keeps
 * the name it was recorded with.
 */
@Component
public class UserNames {

  /** A user as a page shows them; {@code href} is null when the viewer has no user page to open. */
  public record Named(Long id, String name, String href) {}

  private final Users users;
  private final Actors actors;

  public UserNames(Users users, Actors actors) {
    this.users = users;
    this.actors = actors;
  }

  /** The user with this id, or the recorded name when the id is unknown or null. */
  public Named byId(Long id, String recorded) {
    if (id != null) {
      var user = users.find(id);
      if (user.isPresent()) {
        return named(user.get());
      }
    }
    return new Named(id, recorded == null || recorded.isBlank() ? "a former user" : recorded, null);
  }

  /** The user with this user name, or the name as recorded. */
  public Named byUsername(String username) {
    return users
        .byUsername(username)
        .map(this::named)
        .orElseGet(() -> new Named(null, username, null));
  }

  /** The users with these ids (unknown ids left out), each asked once. */
  public Map<Long, Named> byIds(Collection<Long> ids) {
    Map<Long, Named> out = new HashMap<>();
    for (Long id : ids) {
      if (id != null && !out.containsKey(id)) {
        users.find(id).ifPresent(u -> out.put(id, named(u)));
      }
    }
    return out;
  }

  private Named named(User u) {
    String name =
        u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName();
    String href = actors.current().can(Permission.USERS_ADMIN) ? "/settings/users/" + u.id() : null;
    return new Named(u.id(), name, href);
  }
}
