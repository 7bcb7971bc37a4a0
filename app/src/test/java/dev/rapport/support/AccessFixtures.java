package dev.rapport.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import dev.rapport.access.Actor;
import dev.rapport.access.NewUser;
import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.access.tokens.ApiTokens;
import dev.rapport.access.tokens.TokenScope;
import dev.rapport.access.users.Teams;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Test users for any feature: creates users with roles and teams in the shared test database and
 * hands back their password, an API token, or a MockMvc post-processor to act as them. Names are
 * unique per run, so tests never collide on the one shared application context.
 *
 * <pre>{@code
 * @Autowired AccessFixtures access;
 * var north = access.team();
 * var maria = access.user(Role.SALES, north);
 * access.mvc().perform(get("/api/v1/me").with(AccessFixtures.bearer(access.token(maria))));
 * access.mvc().perform(post("/settings/teams").with(maria.session()).with(csrf()) ...);
 * }</pre>
 */
@Component
public class AccessFixtures {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  private static final AtomicLong SEQ = new AtomicLong();

  private final Users users;
  private final Teams teams;
  private final ApiTokens tokens;
  private final WebApplicationContext context;
  private MockMvc mvc;
  private final Map<Role, String> roleUsers = new ConcurrentHashMap<>();

  AccessFixtures(Users users, Teams teams, ApiTokens tokens, WebApplicationContext context) {
    this.users = users;
    this.teams = teams;
    this.tokens = tokens;
    this.context = context;
  }

  /** A MockMvc over the one shared context, with the real security filter chain. */
  public synchronized MockMvc mvc() {
    if (mvc == null) {
      mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }
    return mvc;
  }

  /**
   * Signs a MockMvc request in as this run's one user with exactly that role (created on first
   * use). The security chain reloads users from the database, so a made-up principal would be
   * signed out: tests act as real users.
   */
  public RequestPostProcessor as(Role role) {
    return SecurityMockMvcRequestPostProcessors.user(username(role));
  }

  /** The user name behind {@link #as(Role)}, for assertions on "by whom". */
  public String username(Role role) {
    return roleUsers.computeIfAbsent(role, r -> user(r).username());
  }

  /** A new team with a unique name. */
  public Team team() {
    return teams.create(unique("Team "));
  }

  /** A new enabled user with the role and teams, and a known password. */
  public TestUser user(Role role, Team... memberOf) {
    return user(List.of(role), memberOf);
  }

  public TestUser user(List<Role> roles, Team... memberOf) {
    String username = unique("u-").toLowerCase(Locale.ROOT);
    String password = "pw-" + UUID.randomUUID();
    User user =
        users.create(
            new NewUser(
                username,
                "Test " + username,
                password,
                roles.stream().map(Enum::name).toList(),
                Arrays.stream(memberOf).map(Team::id).toList(),
                true));
    return new TestUser(user, password);
  }

  /** A read-write API token for the user; send it with {@link #bearer(String)}. */
  public String token(TestUser user) {
    return token(user, TokenScope.READ_WRITE);
  }

  public String token(TestUser user, TokenScope scope) {
    return tokens.issue(user.id(), "test token", scope).token();
  }

  public static RequestPostProcessor bearer(String token) {
    return request -> {
      request.addHeader("Authorization", "Bearer " + token);
      return request;
    };
  }

  private static String unique(String prefix) {
    return prefix + RUN + "-" + SEQ.incrementAndGet();
  }

  /** A created user and the password they sign in with. */
  public record TestUser(User user, String password) {

    public long id() {
      return user.id();
    }

    public String username() {
      return user.username();
    }

    public Actor actor() {
      return user.actor();
    }

    /** Signed in as in a browser session (add {@code csrf()} for POST forms). */
    public RequestPostProcessor session() {
      return SecurityMockMvcRequestPostProcessors.user(user.username());
    }

    /** HTTP Basic with the real password (runs bcrypt: slower than a token). */
    public RequestPostProcessor basic() {
      return httpBasic(user.username(), password);
    }
  }
}
