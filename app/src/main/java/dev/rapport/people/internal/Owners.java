package dev.rapport.people.internal;

import dev.rapport.access.User;
import dev.rapport.access.Users;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Names record owners (users) for the pages, so nobody reads "user #3". */
@Component
class Owners {

  /** A user as an owner picker offers them. */
  record Choice(long id, String name) {}

  private final Users users;

  Owners(Users users) {
    this.users = users;
  }

  /** The owner's display name; null when there is no owner; "a former user" when unknown. */
  String name(Long userId) {
    if (userId == null) {
      return null;
    }
    return users.find(userId).map(User::displayName).orElse("a former user");
  }

  /** Display names for the given owner ids (unknown ones left out). */
  Map<Long, String> names(Collection<Long> userIds) {
    Map<Long, String> names = new HashMap<>();
    for (Long id : userIds) {
      if (id != null && !names.containsKey(id)) {
        users.find(id).ifPresent(u -> names.put(id, u.displayName()));
      }
    }
    return names;
  }

  /** Every enabled user, by name, for owner filters and pickers. */
  List<Choice> choices() {
    return users.all().stream()
        .filter(User::enabled)
        .map(u -> new Choice(u.id(), u.displayName()))
        .sorted(java.util.Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }
}
