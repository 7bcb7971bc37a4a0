package dev.rapport.care.internal;

import dev.rapport.access.Users;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing rules for new cases, in order, first match wins: a rule narrows by reason (complaint or
 * question), brand and lowest priority (each null for any) and sends the case to a user (assigned)
 * or to a team's queue (new, in that team's queue). A case no rule takes waits in the general
 * queue.
 */
@Component
class CaseRoutes {

  /** A stored rule. */
  record Route(
      long id,
      int position,
      String name,
      String reason,
      String brand,
      String minPriority,
      Long assignUserId,
      Long assignTeamId) {

    boolean matches(String caseReason, String caseBrand, Priority priority) {
      return (reason == null || reason.equals(caseReason))
          && (brand == null || brand.equalsIgnoreCase(caseBrand == null ? "" : caseBrand))
          && (minPriority == null
              || priority.atLeast(Priority.byKey(minPriority).orElse(Priority.LOW)));
    }
  }

  /** A rule as given; ids and keys are checked. */
  record Form(
      String name,
      String reason,
      String brand,
      String minPriority,
      Long assignUserId,
      Long assignTeamId) {}

  private final JdbcClient jdbc;
  private final Users users;

  CaseRoutes(JdbcClient jdbc, Users users) {
    this.jdbc = jdbc;
    this.users = users;
  }

  List<Route> all() {
    return jdbc.sql(
            "select id, position, name, reason, brand, min_priority, assign_user_id,"
                + " assign_team_id from care_route order by position, id")
        .query(
            (rs, n) ->
                new Route(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getObject(7, Long.class),
                    rs.getObject(8, Long.class)))
        .list();
  }

  @Transactional
  Route create(Form f) {
    if (f == null) {
      throw InvalidInputException.of("name", "is required");
    }
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    String name = f.name() == null ? "" : f.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      errors.add(
          new InvalidInputException.FieldError("name", "is required, at most 100 characters"));
    }
    String reason = blankToNull(f.reason());
    if (reason != null) {
      reason = reason.toLowerCase(Locale.ROOT);
      if (!reason.equals("complaint") && !reason.equals("question")) {
        errors.add(new InvalidInputException.FieldError("reason", "must be complaint or question"));
      }
    }
    String brand = blankToNull(f.brand());
    if (brand != null && brand.length() > 100) {
      errors.add(new InvalidInputException.FieldError("brand", "is longer than 100 characters"));
    }
    String min = blankToNull(f.minPriority());
    if (min != null && Priority.byKey(min).isEmpty()) {
      errors.add(
          new InvalidInputException.FieldError(
              "minPriority", "must be urgent, high, normal or low"));
    }
    if ((f.assignUserId() == null) == (f.assignTeamId() == null)) {
      errors.add(
          new InvalidInputException.FieldError(
              "assignUserId", "give either a user or a team (assignTeamId), not both"));
    } else if (f.assignUserId() != null
        && users.find(f.assignUserId()).filter(u -> u.enabled()).isEmpty()) {
      errors.add(
          new InvalidInputException.FieldError(
              "assignUserId", "no enabled user with id " + f.assignUserId()));
    } else if (f.assignTeamId() != null
        && users.teams().stream().noneMatch(t -> t.id() == f.assignTeamId())) {
      errors.add(
          new InvalidInputException.FieldError(
              "assignTeamId", "no team with id " + f.assignTeamId()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    int position =
        jdbc.sql("select coalesce(max(position), 0) + 1 from care_route")
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into care_route (position, name, reason, brand, min_priority,"
                + " assign_user_id, assign_team_id, created_at) values (:p, :n, :r, :b, :m, :u,"
                + " :t, :at)")
        .param("p", position)
        .param("n", name)
        .param("r", reason)
        .param("b", brand)
        .param("m", min == null ? null : min.toLowerCase(Locale.ROOT))
        .param("u", f.assignUserId())
        .param("t", f.assignTeamId())
        .param("at", Timestamp.from(Instant.now()))
        .update();
    return all().stream().filter(r -> r.position() == position).findFirst().orElseThrow();
  }

  void delete(long id) {
    if (jdbc.sql("delete from care_route where id = :id").param("id", id).update() == 0) {
      throw new NotFoundException("case route", id);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
