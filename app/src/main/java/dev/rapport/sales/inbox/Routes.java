package dev.rapport.sales.inbox;

import dev.rapport.access.Team;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.listening.MentionDetails;
import dev.rapport.people.Network;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ordered routing rules and the queue team, as stored and as edited. A rule that could never
 * match or never assign (an unknown listening rule, reading, network or user, an empty team) is
 * refused naming the field, so the settings never hold a rule that silently does nothing.
 */
@Component
class Routes {

  /** A rule as entered: blank criteria mean "any"; exactly one of user or team. */
  record Form(
      String name,
      Boolean enabled,
      String listeningRuleId,
      String reading,
      String network,
      String language,
      Long ownerUserId,
      Boolean icpFit,
      Long assignUserId,
      Long assignTeamId,
      String territory) {}

  /** A place of a territory: letters, digits, spaces, dots, apostrophes and hyphens. */
  private static final Pattern PLACE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .'\\-]{0,59}");

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
  private static final String COLUMNS =
      "id, position, name, enabled, listening_rule_id, reading, network, language,"
          + " owner_user_id, icp_fit, assign_user_id, assign_team_id, territory";

  private final JdbcClient jdbc;
  private final Users users;
  private final MentionDetails mentions;

  Routes(JdbcClient jdbc, Users users, MentionDetails mentions) {
    this.jdbc = jdbc;
    this.users = users;
    this.mentions = mentions;
  }

  List<Route> all() {
    return jdbc.sql("select " + COLUMNS + " from inbox_route order by position, id")
        .query(Routes::route)
        .list();
  }

  Route get(long id) {
    return jdbc.sql("select " + COLUMNS + " from inbox_route where id = :id")
        .param("id", id)
        .query(Routes::route)
        .optional()
        .orElseThrow(() -> new NotFoundException("routing rule", id));
  }

  @Transactional
  Route create(Form form) {
    Form f = check(form);
    int position =
        jdbc.sql("select coalesce(max(position), 0) + 1 from inbox_route")
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into inbox_route (position, name, enabled, listening_rule_id, reading, network,"
                + " language, owner_user_id, icp_fit, assign_user_id, assign_team_id, territory,"
                + " created_at) values (:pos, :name, :enabled, :rule, :reading, :network,"
                + " :language, :owner, :icp, :user, :team, :territory, :at)")
        .paramSource(
            params(f).addValue("pos", position).addValue("at", Timestamp.from(Instant.now())))
        .update();
    long id =
        jdbc.sql("select max(id) from inbox_route where position = :pos")
            .param("pos", position)
            .query(Long.class)
            .single();
    return get(id);
  }

  @Transactional
  Route update(long id, Form form) {
    get(id);
    Form f = check(form);
    jdbc.sql(
            "update inbox_route set name = :name, enabled = :enabled, listening_rule_id = :rule,"
                + " reading = :reading, network = :network, language = :language,"
                + " owner_user_id = :owner, icp_fit = :icp, assign_user_id = :user,"
                + " assign_team_id = :team, territory = :territory, last_user_id = null"
                + " where id = :id")
        .paramSource(params(f).addValue("id", id))
        .update();
    return get(id);
  }

  @Transactional
  void delete(long id) {
    get(id);
    jdbc.sql("delete from inbox_route where id = :id").param("id", id).update();
  }

  /** Moves the rule one place earlier ({@code up}) or later, swapping with its neighbour. */
  @Transactional
  void move(long id, boolean up) {
    List<Route> list = new ArrayList<>(all());
    int at = -1;
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id() == id) {
        at = i;
      }
    }
    if (at < 0) {
      throw new NotFoundException("routing rule", id);
    }
    int other = up ? at - 1 : at + 1;
    if (other < 0 || other >= list.size()) {
      return;
    }
    Route moved = list.remove(at);
    list.add(other, moved);
    for (int i = 0; i < list.size(); i++) {
      jdbc.sql("update inbox_route set position = :p where id = :id")
          .param("p", i + 1)
          .param("id", list.get(i).id())
          .update();
    }
  }

  Optional<Long> queueTeam() {
    return jdbc.sql("select team_id from inbox_queue where id = 1")
        .query((rs, n) -> rs.getObject(1, Long.class))
        .optional()
        .flatMap(Optional::ofNullable);
  }

  /** Sets the team whose queue takes unmatched items; null for no team (the general queue). */
  @Transactional
  void setQueueTeam(Long teamId) {
    if (teamId != null && team(teamId).isEmpty()) {
      throw InvalidInputException.of("queueTeamId", "no team with id " + teamId);
    }
    jdbc.sql("update inbox_queue set team_id = :t where id = 1").param("t", teamId).update();
  }

  /**
   * The team member whose turn it is for the route, and remembers it; the row lock makes two
   * concurrent items take two turns. Empty when the team has no enabled member any more.
   */
  @Transactional
  Optional<User> nextMember(Route route) {
    Long last =
        jdbc.sql("select last_user_id from inbox_route where id = :id for update")
            .param("id", route.id())
            .query((rs, n) -> rs.getObject(1, Long.class))
            .optional()
            .orElse(null);
    List<User> members = members(route.assignTeamId());
    if (members.isEmpty()) {
      return Optional.empty();
    }
    User next = members.get(0);
    for (User u : members) {
      if (last != null && u.id() > last) {
        next = u;
        break;
      }
    }
    jdbc.sql("update inbox_route set last_user_id = :u where id = :id")
        .param("u", next.id())
        .param("id", route.id())
        .update();
    return Optional.of(next);
  }

  List<User> members(long teamId) {
    return users.members(teamId).stream()
        .filter(User::enabled)
        .sorted(Comparator.comparingLong(User::id))
        .toList();
  }

  Optional<Team> team(long id) {
    return users.teams().stream().filter(t -> t.id() == id).findFirst();
  }

  /** What is wrong with the rule, each field named; empty when it could be saved. */
  List<FieldError> problems(Form in) {
    try {
      check(in);
      return List.of();
    } catch (InvalidInputException e) {
      return e.errors();
    }
  }

  private Form check(Form in) {
    List<FieldError> errors = new ArrayList<>();
    String name = blankToNull(in.name());
    if (name == null || name.length() > 120) {
      errors.add(new FieldError("name", "give the rule a name of 1 to 120 characters"));
    }
    String rule = blankToNull(in.listeningRuleId());
    if (rule != null && mentions.rules().stream().noneMatch(r -> r.id().equals(rule))) {
      errors.add(
          new FieldError(
              "listeningRuleId", "no listening rule with id '" + rule + "'; it could never match"));
    }
    String reading = lower(in.reading());
    if (reading != null && Signal.byKey(reading).isEmpty()) {
      errors.add(
          new FieldError(
              "reading",
              "'"
                  + reading
                  + "' is not an actionable reading; use one of buying, switching,"
                  + " complaint, question, praise, life_event"));
    }
    String network = lower(in.network());
    if (network != null) {
      try {
        network = Network.parse(network).key();
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("network", e.getMessage()));
      }
    }
    String language = lower(in.language());
    if (language != null && !LANGUAGE.matcher(language).matches()) {
      errors.add(new FieldError("language", "must be a language code such as en or pt-br"));
    }
    String territory = territory(in.territory(), errors);
    if (in.ownerUserId() != null && users.find(in.ownerUserId()).isEmpty()) {
      errors.add(new FieldError("ownerUserId", "no user with id " + in.ownerUserId()));
    }
    if ((in.assignUserId() == null) == (in.assignTeamId() == null)) {
      errors.add(new FieldError("assignUserId", "choose either a user or a team to assign to"));
    } else if (in.assignUserId() != null
        && users.find(in.assignUserId()).filter(User::enabled).isEmpty()) {
      errors.add(new FieldError("assignUserId", "no enabled user with id " + in.assignUserId()));
    } else if (in.assignTeamId() != null && team(in.assignTeamId()).isEmpty()) {
      errors.add(new FieldError("assignTeamId", "no team with id " + in.assignTeamId()));
    } else if (in.assignTeamId() != null && members(in.assignTeamId()).isEmpty()) {
      errors.add(
          new FieldError(
              "assignTeamId", "the team has no enabled members; round-robin could never assign"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Form(
        name,
        in.enabled() == null || in.enabled(),
        rule,
        reading,
        network,
        language,
        in.ownerUserId(),
        in.icpFit(),
        in.assignUserId(),
        in.assignTeamId(),
        territory);
  }

  /**
   * The territory as stored ("Germany, Austria"), or null for any; a place that is empty or holds
   * only punctuation could never match a location and is refused.
   */
  private static String territory(String raw, List<FieldError> errors) {
    String t = blankToNull(raw);
    if (t == null) {
      return null;
    }
    if (t.length() > 200) {
      errors.add(new FieldError("territory", "at most 200 characters"));
      return null;
    }
    List<String> places = new ArrayList<>();
    for (String part : t.split(",")) {
      String place = part.strip();
      if (!PLACE.matcher(place).matches() || Route.words(place).isEmpty()) {
        errors.add(
            new FieldError(
                "territory",
                "'"
                    + place
                    + "' is not a place; list countries or regions separated by commas,"
                    + " e.g. Germany, Austria"));
        return null;
      }
      places.add(place);
    }
    return String.join(", ", places);
  }

  private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Form f) {
    return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
        .addValue("name", f.name())
        .addValue("enabled", f.enabled())
        .addValue("rule", f.listeningRuleId())
        .addValue("reading", f.reading())
        .addValue("network", f.network())
        .addValue("language", f.language())
        .addValue("owner", f.ownerUserId())
        .addValue("icp", f.icpFit())
        .addValue("user", f.assignUserId())
        .addValue("team", f.assignTeamId())
        .addValue("territory", f.territory());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String lower(String s) {
    String v = blankToNull(s);
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  private static Route route(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Route(
        rs.getLong("id"),
        rs.getInt("position"),
        rs.getString("name"),
        rs.getBoolean("enabled"),
        rs.getString("listening_rule_id"),
        rs.getString("reading"),
        rs.getString("network"),
        rs.getString("language"),
        rs.getObject("owner_user_id", Long.class),
        rs.getObject("icp_fit", Boolean.class),
        rs.getObject("assign_user_id", Long.class),
        rs.getObject("assign_team_id", Long.class),
        rs.getString("territory"));
  }
}
