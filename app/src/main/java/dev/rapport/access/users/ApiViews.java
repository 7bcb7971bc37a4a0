package dev.rapport.access.users;

import dev.rapport.access.User;
import java.util.List;
import java.util.Locale;

/** The JSON shapes of the access API. Roles and scopes travel in lower case. */
public final class ApiViews {

  private ApiViews() {}

  public record UserView(
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

  public record TeamView(long id, String name, List<Member> members) {}

  public record Member(long id, String username, String displayName) {
    static Member of(User u) {
      return new Member(u.id(), u.username(), u.displayName());
    }
  }

  public record MeView(
      long id,
      String username,
      String displayName,
      List<String> roles,
      List<TeamView> teams,
      List<String> permissions) {}

  public record TeamInput(String name) {}

  public record TokenInput(String name, String scope) {}

  public record LevelInput(String level) {}

  public record PasswordInput(String currentPassword, String newPassword) {}

  public record VisibilityView(String objectType, String level) {}

  public static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
