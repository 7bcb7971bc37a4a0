package dev.rapport.access.users;

import dev.rapport.access.NewUser;
import dev.rapport.access.Team;
import dev.rapport.access.Users;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * In demo mode (the {@code demo} profile or {@code rapport.demo=true}), on a fresh database, adds
 * two teams and one user per role so the roles and team visibility can be tried, and so demo
 * records have owners. Their passwords are generated and printed once, like the first admin's: a
 * demo server reachable from a network must not answer to a password published in a README.
 */
@Component
@Order(1)
public class DemoUsers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final Users users;
  private final Teams teams;
  private final Environment env;

  public DemoUsers(Users users, Teams teams, Environment env) {
    this.users = users;
    this.teams = teams;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean demo =
        env.acceptsProfiles(Profiles.of("demo"))
            || env.getProperty("rapport.demo", Boolean.class, false);
    if (!demo) {
      return;
    }
    // only right after the first admin was created: never on a workspace someone has shaped
    if (users.all().size() != 1 || !teams.all().isEmpty()) {
      return;
    }
    Team north = teams.create("North");
    Team south = teams.create("South");
    StringBuilder printed = new StringBuilder();
    add("maria", "Maria Santos", "sales", north, printed);
    add("li", "Li Wei", "sales", south, printed);
    add("tom", "Tom Becker", "marketing", north, printed);
    add("sam", "Sam Okafor", "support", south, printed);
    add("vera", "Vera Lind", "viewer", north, printed);
    log.warn(
        """

==================================================================================
  Demo users (teams North and South), passwords printed only this once:
{}==================================================================================
""",
        printed);
  }

  private void add(String username, String name, String role, Team team, StringBuilder printed) {
    String password = generatedPassword();
    users.create(new NewUser(username, name, password, List.of(role), List.of(team.id()), true));
    printed.append(
        String.format("    %-6s %-10s %-6s password: %s%n", username, role, team.name(), password));
  }

  private static String generatedPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
