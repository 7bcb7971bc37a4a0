package dev.rapport.access.users;

import dev.rapport.access.Role;
import dev.rapport.access.User;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The users, their roles and team memberships in the database. */
@Component
public class UserStore {

  /** Sort keys a list may ask for, mapped to columns; nothing else reaches the SQL. */
  public static final Map<String, String> SORTS =
      Map.of("username", "username", "displayName", "display_name", "createdAt", "created_at");

  private final JdbcClient jdbc;

  public UserStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String username, String displayName, String hash, boolean enabled) {
    Timestamp now = Timestamp.from(Instant.now());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into app_user (username, display_name, password_hash, enabled, created_at,
                                  updated_at)
            values (:u, :d, :h, :e, :now, :now)
            """)
        .param("u", username)
        .param("d", displayName)
        .param("h", hash)
        .param("e", enabled)
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void update(long id, String displayName, boolean enabled) {
    jdbc.sql(
            "update app_user set display_name = :d, enabled = :e, updated_at = :now where id = :id")
        .param("d", displayName)
        .param("e", enabled)
        .param("now", Timestamp.from(Instant.now()))
        .param("id", id)
        .update();
  }

  public void updatePassword(long id, String hash) {
    jdbc.sql("update app_user set password_hash = :h, updated_at = :now where id = :id")
        .param("h", hash)
        .param("now", Timestamp.from(Instant.now()))
        .param("id", id)
        .update();
  }

  public void setRoles(long id, Set<Role> roles) {
    jdbc.sql("delete from user_role where user_id = :id").param("id", id).update();
    for (Role r : roles) {
      jdbc.sql("insert into user_role (user_id, role) values (:id, :r)")
          .param("id", id)
          .param("r", r.name())
          .update();
    }
  }

  public void setTeams(long id, Set<Long> teamIds) {
    jdbc.sql("delete from team_member where user_id = :id").param("id", id).update();
    for (Long t : teamIds) {
      jdbc.sql("insert into team_member (team_id, user_id) values (:t, :id)")
          .param("t", t)
          .param("id", id)
          .update();
    }
  }

  public Optional<User> byId(long id) {
    return one("where id = :v", id);
  }

  public Optional<User> byUsername(String username) {
    return one("where username = :v", username);
  }

  public Optional<String> passwordHash(long id) {
    return jdbc.sql("select password_hash from app_user where id = :id")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  public long count() {
    return jdbc.sql("select count(*) from app_user").query(Long.class).single();
  }

  public long count(String q) {
    return jdbc.sql("select count(*) from app_user " + filter(q))
        .param("q", like(q))
        .query(Long.class)
        .single();
  }

  public List<User> page(String q, String sortColumn, boolean descending, long offset, int limit) {
    List<Row> rows =
        jdbc.sql(
                "select id, username, display_name, enabled from app_user "
                    + filter(q)
                    + " order by "
                    + sortColumn
                    + (descending ? " desc" : " asc")
                    + ", id offset :off rows fetch next :lim rows only")
            .param("q", like(q))
            .param("off", offset)
            .param("lim", limit)
            .query(Row.class)
            .list();
    return withRolesAndTeams(rows);
  }

  public List<User> members(long teamId) {
    List<Row> rows =
        jdbc.sql(
                """
                select u.id, u.username, u.display_name, u.enabled from app_user u
                join team_member m on m.user_id = u.id where m.team_id = :t order by u.username
                """)
            .param("t", teamId)
            .query(Row.class)
            .list();
    return withRolesAndTeams(rows);
  }

  /** Ids of every user sharing at least one of the teams. */
  public Set<Long> usersInTeams(Collection<Long> teamIds) {
    if (teamIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql("select distinct user_id from team_member where team_id in (:t)")
            .param("t", List.copyOf(teamIds))
            .query(Long.class)
            .list());
  }

  public long enabledAdminsOtherThan(long userId) {
    return jdbc.sql(
            """
            select count(*) from app_user u join user_role r on r.user_id = u.id
            where r.role = 'ADMIN' and u.enabled = true and u.id <> :id
            """)
        .param("id", userId)
        .query(Long.class)
        .single();
  }

  private Optional<User> one(String where, Object value) {
    List<Row> rows =
        jdbc.sql("select id, username, display_name, enabled from app_user " + where)
            .param("v", value)
            .query(Row.class)
            .list();
    return withRolesAndTeams(rows).stream().findFirst();
  }

  private List<User> withRolesAndTeams(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(Row::id).toList();
    Map<Long, Set<Role>> roles = new HashMap<>();
    jdbc.sql("select user_id, role from user_role where user_id in (:ids)")
        .param("ids", ids)
        .query(
            rs -> {
              roles
                  .computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class))
                  .add(Role.valueOf(rs.getString(2)));
            });
    Map<Long, Set<Long>> teams = new HashMap<>();
    jdbc.sql("select user_id, team_id from team_member where user_id in (:ids)")
        .param("ids", ids)
        .query(
            rs -> {
              teams.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
            });
    List<User> users = new ArrayList<>(rows.size());
    for (Row r : rows) {
      users.add(
          new User(
              r.id(),
              r.username(),
              r.displayName(),
              roles.getOrDefault(r.id(), Set.of()),
              teams.getOrDefault(r.id(), Set.of()),
              r.enabled()));
    }
    return users;
  }

  private static String filter(String q) {
    return q == null || q.isBlank()
        ? ""
        : "where lower(username) like :q escape '\\' or lower(display_name) like :q escape '\\'";
  }

  private static String like(String q) {
    if (q == null || q.isBlank()) {
      return null;
    }
    String escaped =
        q.strip()
            .toLowerCase(java.util.Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }

  public record Row(long id, String username, String displayName, boolean enabled) {}
}
