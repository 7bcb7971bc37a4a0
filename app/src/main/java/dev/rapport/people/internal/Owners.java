package dev.rapport.people.internal;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.RecordVisibility;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who owns a new person or account, and who may be made an owner. A record created by a user is
 * theirs unless they name another owner; persons created by listening belong to the workspace's
 * default owner ({@code rapport.listening.default-owner}, a user name), or to nobody when unset.
 * Also names owners for the pages, so nobody reads "user #3".
 */
@Component
class Owners {

  /** A user as an owner picker offers them. */
  record Choice(long id, String name) {}

  private static final Logger log = LoggerFactory.getLogger(Owners.class);

  private final Actors actors;
  private final RecordVisibility visibility;
  private final Users users;
  private final String listeningOwnerName;
  private volatile Long listeningOwner;

  Owners(
      Actors actors,
      RecordVisibility visibility,
      Users users,
      @Value("${rapport.listening.default-owner:}") String listeningOwnerName) {
    this.actors = actors;
    this.visibility = visibility;
    this.users = users;
    this.listeningOwnerName = listeningOwnerName == null ? "" : listeningOwnerName.strip();
  }

  /** The owner of a record created by the current actor: the user, or nobody for the system. */
  Long creator() {
    return actors.current().userId();
  }

  /** The owner of a person that listening created, or null (visible to everyone) when unset. */
  Long forListening() {
    if (listeningOwnerName.isEmpty()) {
      return null;
    }
    Long id = listeningOwner;
    if (id == null) {
      id = users.byUsername(listeningOwnerName).map(u -> u.id()).orElse(null);
      if (id == null) {
        log.warn(
            "rapport.listening.default-owner names no user '{}'; new authors stay unowned",
            listeningOwnerName);
      }
      listeningOwner = id;
    }
    return id;
  }

  /** {@link #check} with its answers kept per owner, for the rows of one import chunk. */
  List<FieldError> checkCached(
      String objectType, Long owner, Long previous, java.util.Map<Long, List<FieldError>> cache) {
    if (owner == null || Objects.equals(owner, previous)) {
      return List.of();
    }
    return cache.computeIfAbsent(
        owner,
        o -> {
          List<FieldError> errors = new java.util.ArrayList<>();
          check(objectType, o, null, errors);
          return errors;
        });
  }

  /**
   * Adds an error when the current actor may not make {@code owner} the owner of a record of that
   * type: the user must exist, and a non-admin may only choose an owner whose records they see, so
   * nobody can create a record or move it out of their own sight. Keeping the owner is always fine.
   */
  void check(String objectType, Long owner, Long previous, List<FieldError> errors) {
    if (owner == null || Objects.equals(owner, previous)) {
      return;
    }
    if (users.find(owner).isEmpty()) {
      errors.add(new FieldError("ownerUserId", "no user with id " + owner));
      return;
    }
    Actor actor = actors.current();
    if (!visibility.canSee(actor, objectType, owner)) {
      errors.add(
          new FieldError(
              "ownerUserId",
              "you may give a "
                  + objectType
                  + " only to yourself or to a user whose "
                  + objectType
                  + "s you see; ask an admin to hand it to user "
                  + owner));
    }
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
