package dev.rapport.access;

import java.util.List;
import java.util.Locale;

/** The JSON shapes of the access API. Roles and scopes travel in lower case. */
final class ApiViews {

  private ApiViews() {}

  record UserView(
      long id,
      String username,
      String displayName,
      List<String> roles,
      List<Long> teamIds,
      boolean enabled) {

    static UserView of(User u) {
      return new UserView(
          u.id(),
          u.username(),
          u.displayName(),
          u.roles().stream().sorted().map(ApiViews::lower).toList(),
          u.teamIds().stream().sorted().toList(),
          u.enabled());
    }
  }

  record TeamView(long id, String name, List<Member> members) {}

  record Member(long id, String username, String displayName) {
    static Member of(User u) {
      return new Member(u.id(), u.username(), u.displayName());
    }
  }

  record MeView(
      long id,
      String username,
      String displayName,
      List<String> roles,
      List<TeamView> teams,
      List<String> permissions) {}

  record TeamInput(String name) {}

  record TokenInput(String name, String scope) {}

  record LevelInput(String level) {}

  record PasswordInput(String currentPassword, String newPassword) {}

  record VisibilityView(String objectType, String level) {}

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
