package dev.rapport.access.signin;

import dev.rapport.access.User;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal for a database user: roles become ROLE_* authorities. */
public final class SignedInUser implements UserDetails, CredentialsContainer {

  private final User user;
  private String passwordHash;

  public SignedInUser(User user, String passwordHash) {
    this.user = user;
    this.passwordHash = passwordHash;
  }

  public User user() {
    return user;
  }

  public static List<GrantedAuthority> authorities(User user) {
    return user.roles().stream()
        .sorted()
        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
        .toList();
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return authorities(user);
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return user.username();
  }

  @Override
  public boolean isEnabled() {
    return user.enabled();
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public String toString() {
    return user.username();
  }
}
