package dev.rapport.access;

import dev.rapport.access.AuditLog.Action;
import dev.rapport.access.users.ListPage;
import dev.rapport.access.users.PageRequest;
import dev.rapport.access.users.Teams;
import dev.rapport.access.users.UserInput;
import dev.rapport.access.users.UserStore;
import dev.rapport.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's users: create, change, disable. Passwords are kept only as an adaptive hash.
 * Users are never deleted, because other features keep their ids as owners and authors; a user who
 * leaves is disabled. Every change is audited.
 */
@Service
public class Users {

  static final String AUDIT_TYPE = "user";

  private final UserStore rows;
  private final Teams teams;
  private final PasswordEncoder encoder;
  private final AuditLog audit;

  public Users(UserStore rows, Teams teams, PasswordEncoder encoder, AuditLog audit) {
    this.rows = rows;
    this.teams = teams;
    this.encoder = encoder;
    this.audit = audit;
  }

  /** Creates a user after checking every field; refuses a taken user name or a weak password. */
  @Transactional
  public User create(NewUser input) {
    UserInput in = new UserInput();
    String username = in.username("username", input.username());
    String displayName = in.text("displayName", input.displayName(), 200);
    String password = in.password("password", input.password(), username);
    Set<Role> roles = in.roles("roles", input.roles());
    Set<Long> teamIds = teamIds(in, input.teamIds());
    if (username != null && rows.byUsername(username).isPresent()) {
      in.fail("username", "'" + username + "' is already taken");
    }
    in.check();
    boolean enabled = input.enabled() == null || input.enabled();
    long id = rows.insert(username, displayName, encoder.encode(password), enabled);
    rows.setRoles(id, roles);
    rows.setTeams(id, teamIds);
    User user = rows.byId(id).orElseThrow();
    audit.record(AUDIT_TYPE, id, Action.CREATE, null, auditView(user));
    return user;
  }

  public Optional<User> find(long id) {
    return rows.byId(id);
  }

  public Optional<User> byUsername(String username) {
    return username == null
        ? Optional.empty()
        : rows.byUsername(username.strip().toLowerCase(java.util.Locale.ROOT));
  }

  /** Every user, by user name; for pickers such as "owner". */
  public List<User> all() {
    return rows.page(null, "username", false, 0, Integer.MAX_VALUE);
  }

  /** True when no user exists yet: the first start. */
  public boolean none() {
    return rows.count() == 0;
  }

  public User get(long id) {
    return rows.byId(id).orElseThrow(() -> new NotFoundException("user", id));
  }

  public ListPage<User> list(String q, String sort, int page, int size) {
    UserInput in = new UserInput();
    PageRequest p = PageRequest.of(in, page, size);
    String key = sort == null || sort.isBlank() ? "username" : sort.strip();
    boolean descending = key.startsWith("-");
    String column = UserStore.SORTS.get(descending ? key.substring(1) : key);
    if (column == null) {
      in.fail("sort", "unknown sort '" + sort + "'; expected one of " + UserStore.SORTS.keySet());
    }
    if (q != null && q.length() > 100) {
      in.fail("q", "is longer than 100 characters");
    }
    in.check();
    return new ListPage<>(
        rows.page(q, column, descending, p.offset(), p.size()), p.page(), p.size(), rows.count(q));
  }

  /** Applies the fields that are not null. The last enabled admin cannot be demoted or disabled. */
  @Transactional
  public User change(long id, UserChange change) {
    User before = get(id);
    UserInput in = new UserInput();
    String displayName =
        change.displayName() == null
            ? before.displayName()
            : in.text("displayName", change.displayName(), 200);
    Set<Role> roles = change.roles() == null ? before.roles() : in.roles("roles", change.roles());
    Set<Long> teamIds = change.teamIds() == null ? before.teamIds() : teamIds(in, change.teamIds());
    boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
    String password =
        change.password() == null
            ? null
            : in.password("password", change.password(), before.username());
    boolean staysAdmin = enabled && roles.contains(Role.ADMIN);
    if (before.isEnabledAdmin() && !staysAdmin && rows.enabledAdminsOtherThan(id) == 0) {
      in.fail(
          roles.contains(Role.ADMIN) ? "enabled" : "roles",
          "'" + before.username() + "' is the last enabled admin; make another admin first");
    }
    in.check();
    rows.update(id, displayName, enabled);
    rows.setRoles(id, roles);
    rows.setTeams(id, teamIds);
    if (password != null) {
      rows.updatePassword(id, encoder.encode(password));
    }
    User after = get(id);
    Map<String, Object> newValue = auditView(after);
    if (password != null) {
      newValue.put("password", "changed");
    }
    audit.record(AUDIT_TYPE, id, Action.UPDATE, auditView(before), newValue);
    return after;
  }

  /** A user changes their own password, proving they know the current one. */
  @Transactional
  public void changeOwnPassword(long id, String current, String next) {
    User user = get(id);
    UserInput in = new UserInput();
    String hash = rows.passwordHash(id).orElseThrow();
    if (current == null || !encoder.matches(current, hash)) {
      in.fail("currentPassword", "is not your current password");
    }
    String password = in.password("newPassword", next, user.username());
    in.check();
    rows.updatePassword(id, encoder.encode(password));
    audit.record(AUDIT_TYPE, id, Action.UPDATE, null, Map.of("password", "changed"));
  }

  /** Every team, by name; for pickers such as an inbox routing rule's team. */
  public List<Team> teams() {
    return teams.all();
  }

  public List<User> members(long teamId) {
    return rows.members(teamId);
  }

  private Set<Long> teamIds(UserInput in, List<Long> raw) {
    Set<Long> ids = new TreeSet<>();
    for (int i = 0; i < raw.size(); i++) {
      Long id = raw.get(i);
      if (id == null || teams.find(id).isEmpty()) {
        in.fail("teamIds[" + i + "]", "no team with id " + id);
      } else {
        ids.add(id);
      }
    }
    return ids;
  }

  /** What the audit log keeps of a user: never the password or its hash. */
  public static Map<String, Object> auditView(User u) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("username", u.username());
    view.put("displayName", u.displayName());
    view.put("roles", new TreeSet<>(u.roles().stream().map(Enum::name).toList()));
    view.put("teamIds", new TreeSet<>(u.teamIds()));
    view.put("enabled", u.enabled());
    return view;
  }

  /** A change to a user; null fields stay as they are. */
  public record UserChange(
      String displayName,
      List<String> roles,
      List<Long> teamIds,
      Boolean enabled,
      String password) {}
}
