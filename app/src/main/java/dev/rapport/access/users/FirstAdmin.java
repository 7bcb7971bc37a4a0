package dev.rapport.access.users;

import dev.rapport.access.NewUser;
import dev.rapport.access.Users;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no user in the database) creates the admin: user name and password from
 * configuration, or a generated password printed once in the log. No default password ships.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final Users users;
  private final String username;
  private final String password;

  public FirstAdmin(
      Users users,
      @Value("${rapport.admin.username:admin}") String username,
      @Value("${rapport.admin.password:}") String password) {
    this.users = users;
    this.username = username;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    createIfNoUsers();
  }

  /** Creates the first admin unless a user exists; true when it did. */
  public synchronized boolean createIfNoUsers() {
    if (!users.none()) {
      return false;
    }
    boolean generated = password == null || password.isBlank();
    String effective = generated ? generatedPassword() : password;
    try {
      users.create(
          new NewUser(username, "Administrator", effective, List.of("admin"), List.of(), true));
    } catch (dev.rapport.shared.InvalidInputException e) {
      throw new IllegalStateException(
          "Cannot create the first admin from rapport.admin.username / rapport.admin.password"
              + " (RAPPORT_ADMIN_USERNAME / RAPPORT_ADMIN_PASSWORD): "
              + e.getMessage(),
          e);
    }
    if (generated) {
      log.warn(
          """

==================================================================================
  Rapport created the first admin. Sign in at /login with
    user name: {}
    password:  {}
  This password is printed only this once: sign in and keep it, or change it in
  Settings > Users. To choose it yourself, start a fresh database with
  RAPPORT_ADMIN_PASSWORD (and RAPPORT_ADMIN_USERNAME) set.
==================================================================================
""",
          username,
          effective);
    } else {
      log.info("Rapport created the first admin '{}' with the configured password.", username);
    }
    return true;
  }

  private static String generatedPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
