package dev.rapport.access.users;

import dev.rapport.access.AuditLog;
import dev.rapport.access.AuditLog.Action;
import dev.rapport.access.Team;
import dev.rapport.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's teams. Membership is set on the user; deleting a team ends its memberships. */
@Service
public class Teams {

  public static final String AUDIT_TYPE = "team";

  private final JdbcClient jdbc;
  private final AuditLog audit;

  public Teams(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Creates a team; names are unique regardless of case. */
  @Transactional
  public Team create(String rawName) {
    String name = checkedName(rawName, null);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into team (name, name_key, created_at) values (:n, :k, :at)")
        .param("n", name)
        .param("k", key(name))
        .param("at", Timestamp.from(Instant.now()))
        .update(keys, "id");
    Team team = new Team(keys.getKey().longValue(), name);
    audit.record(AUDIT_TYPE, team.id(), Action.CREATE, null, Map.of("name", name));
    return team;
  }

  public Optional<Team> find(long id) {
    return jdbc.sql("select id, name from team where id = :id")
        .param("id", id)
        .query(Team.class)
        .optional();
  }

  public List<Team> all() {
    return jdbc.sql("select id, name from team order by name_key").query(Team.class).list();
  }

  public Team get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("team", id));
  }

  @Transactional
  public Team rename(long id, String rawName) {
    Team before = get(id);
    String name = checkedName(rawName, id);
    jdbc.sql("update team set name = :n, name_key = :k where id = :id")
        .param("n", name)
        .param("k", key(name))
        .param("id", id)
        .update();
    audit.record(
        AUDIT_TYPE, id, Action.UPDATE, Map.of("name", before.name()), Map.of("name", name));
    return new Team(id, name);
  }

  /** Deletes the team; its members stay, without this team. */
  @Transactional
  public void delete(long id) {
    Team before = get(id);
    List<Long> members =
        jdbc.sql("select user_id from team_member where team_id = :id order by user_id")
            .param("id", id)
            .query(Long.class)
            .list();
    jdbc.sql("delete from team_member where team_id = :id").param("id", id).update();
    jdbc.sql("delete from team where id = :id").param("id", id).update();
    audit.record(
        AUDIT_TYPE, id, Action.DELETE, Map.of("name", before.name(), "memberIds", members), null);
  }

  private String checkedName(String raw, Long self) {
    UserInput in = new UserInput();
    String name = in.text("name", raw, 100);
    if (name != null) {
      Optional<Long> existing =
          jdbc.sql("select id from team where name_key = :k")
              .param("k", key(name))
              .query(Long.class)
              .optional();
      if (existing.isPresent() && !existing.get().equals(self)) {
        in.fail("name", "a team named '" + name + "' already exists");
      }
    }
    in.check();
    return name;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
