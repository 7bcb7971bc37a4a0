package dev.rapport.access.users;

import dev.rapport.access.Role;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks user, team and token input from outside and names every field it refuses. */
public final class UserInput {

  public static final int MIN_PASSWORD = 12;
  // bcrypt only reads the first 72 bytes; a longer password would silently be truncated
  public static final int MAX_PASSWORD_BYTES = 72;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final List<FieldError> errors = new ArrayList<>();

  public String username(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return fail(field, "is required");
    }
    String name = raw.strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      return fail(
          field,
          "must be 2 to 60 characters: letters a-z, digits, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
    return name;
  }

  public String text(String field, String raw, int max) {
    if (raw == null || raw.isBlank()) {
      return fail(field, "is required");
    }
    String text = raw.strip();
    if (text.length() > max) {
      return fail(field, "is longer than " + max + " characters");
    }
    if (CONTROL.matcher(text).find()) {
      return fail(field, "contains control characters");
    }
    return text;
  }

  public String password(String field, String raw, String username) {
    if (raw == null || raw.isEmpty()) {
      return fail(field, "is required");
    }
    if (raw.codePointCount(0, raw.length()) < MIN_PASSWORD) {
      return fail(field, "is too weak: use at least " + MIN_PASSWORD + " characters");
    }
    if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      return fail(field, "is longer than " + MAX_PASSWORD_BYTES + " bytes");
    }
    if (username != null && raw.strip().equalsIgnoreCase(username)) {
      return fail(field, "must not be the user name");
    }
    return raw;
  }

  public Set<Role> roles(String field, List<String> raw) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (raw == null || raw.isEmpty()) {
      fail(field, "needs at least one role: " + roleNames());
      return roles;
    }
    for (int i = 0; i < raw.size(); i++) {
      String name = raw.get(i);
      Role role = role(name);
      if (role == null) {
        fail(field + "[" + i + "]", "unknown role '" + name + "'; expected one of " + roleNames());
      } else {
        roles.add(role);
      }
    }
    return roles;
  }

  public <E extends Enum<E>> E choice(String field, String raw, Class<E> type) {
    String options =
        Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    if (raw == null || raw.isBlank()) {
      fail(field, "is required: one of " + options);
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(raw.strip().replace('-', '_'))) {
        return e;
      }
    }
    fail(field, "unknown value '" + raw + "'; expected one of " + options);
    return null;
  }

  public static Role role(String name) {
    if (name == null) {
      return null;
    }
    for (Role r : Role.values()) {
      if (r.name().equalsIgnoreCase(name.strip())) {
        return r;
      }
    }
    return null;
  }

  public static String roleNames() {
    return Arrays.stream(Role.values())
        .map(r -> r.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  public <T> T fail(String field, String reason) {
    errors.add(new FieldError(field, reason));
    return null;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Throws the collected errors, if any, as one Problem Details answer. */
  public void check() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
