package dev.rapport.access.visibility;

import dev.rapport.access.Actor;
import dev.rapport.access.AuditLog;
import dev.rapport.access.AuditLog.Action;
import dev.rapport.access.RecordVisibility;
import dev.rapport.access.VisibilityLevel;
import dev.rapport.access.users.UserInput;
import dev.rapport.access.users.UserStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's record visibility per object type, and the {@link RecordVisibility} every feature
 * asks. A type nobody has set is visible to everyone; admins always see everything.
 */
@Service
public class RecordVisibilityFacade implements RecordVisibility {

  /**
   * The object types whose visibility an admin can set. A feature that owns records with an owner
   * adds its type here (one word, lower case) and asks {@link RecordVisibility} with it.
   */
  public static final List<String> OBJECT_TYPES =
      List.of("person", "account", "mention", "opportunity", "case");

  public static final String AUDIT_TYPE = "visibility";

  private final JdbcClient jdbc;
  private final UserStore users;
  private final AuditLog audit;

  public RecordVisibilityFacade(JdbcClient jdbc, UserStore users, AuditLog audit) {
    this.jdbc = jdbc;
    this.users = users;
    this.audit = audit;
  }

  @Override
  public Optional<Set<Long>> visibleOwners(Actor actor, String objectType) {
    if (actor.isAdmin()) {
      return Optional.empty();
    }
    return switch (level(objectType)) {
      case EVERYONE -> Optional.empty();
      case OWN -> Optional.of(actor.userId() == null ? Set.of() : Set.of(actor.userId()));
      case TEAM -> {
        Set<Long> owners = new HashSet<>(users.usersInTeams(actor.teamIds()));
        if (actor.userId() != null) {
          owners.add(actor.userId());
        }
        yield Optional.of(Set.copyOf(owners));
      }
    };
  }

  public VisibilityLevel level(String objectType) {
    return jdbc.sql("select level from visibility_setting where object_type = :t")
        .param("t", objectType)
        .query(String.class)
        .optional()
        .map(VisibilityLevel::valueOf)
        .orElse(VisibilityLevel.EVERYONE);
  }

  /** Every settable type with its level, in the order of {@link #OBJECT_TYPES}. */
  public Map<String, VisibilityLevel> all() {
    Map<String, VisibilityLevel> levels = new LinkedHashMap<>();
    for (String type : OBJECT_TYPES) {
      levels.put(type, level(type));
    }
    return levels;
  }

  @Transactional
  public VisibilityLevel set(String rawType, String rawLevel) {
    UserInput in = new UserInput();
    String type = rawType == null ? null : rawType.strip().toLowerCase(java.util.Locale.ROOT);
    if (type == null || !OBJECT_TYPES.contains(type)) {
      in.fail(
          "objectType", "unknown object type '" + rawType + "'; expected one of " + OBJECT_TYPES);
    }
    VisibilityLevel level = in.choice("level", rawLevel, VisibilityLevel.class);
    in.check();
    VisibilityLevel before = level(type);
    if (before == level) {
      return level;
    }
    int updated =
        jdbc.sql(
                "update visibility_setting set level = :l, updated_at = :at where object_type = :t")
            .param("l", level.name())
            .param("at", Timestamp.from(Instant.now()))
            .param("t", type)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into visibility_setting (object_type, level, updated_at) values (:t, :l,"
                  + " :at)")
          .param("t", type)
          .param("l", level.name())
          .param("at", Timestamp.from(Instant.now()))
          .update();
    }
    audit.record(
        AUDIT_TYPE,
        type,
        Action.UPDATE,
        Map.of("level", before.name()),
        Map.of("level", level.name()));
    return level;
  }
}
