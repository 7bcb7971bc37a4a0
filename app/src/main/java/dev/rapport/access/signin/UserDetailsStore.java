package dev.rapport.access.signin;

import dev.rapport.access.User;
import dev.rapport.access.users.UserStore;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads users for form sign-in and HTTP Basic from the database. */
@Component
class UserDetailsStore implements UserDetailsService {

  private final UserStore rows;

  public UserDetailsStore(UserStore rows) {
    this.rows = rows;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    User user =
        rows.byUsername(name).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    return new SignedInUser(user, rows.passwordHash(user.id()).orElseThrow());
  }
}
