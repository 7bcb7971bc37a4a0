package dev.rapport.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What it takes to create a user. Raw strings, because it comes from outside: {@link Users}
 * validates each field and names the ones it refuses.
 */
public record NewUser(
    String username,
    String displayName,
    String password,
    List<String> roles,
    List<Long> teamIds,
    Boolean enabled) {

  public NewUser {
    // copies that keep null elements, so validation can name them instead of failing here
    roles = roles == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(roles));
    teamIds = teamIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(teamIds));
  }
}
