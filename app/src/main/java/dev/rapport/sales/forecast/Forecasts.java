package dev.rapport.sales.forecast;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.RecordVisibility;
import dev.rapport.access.Team;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.sales.board.DealScope;
import dev.rapport.sales.forecast.ForecastQueries.Cell;
import dev.rapport.sales.forecast.ForecastQueries.Override;
import dev.rapport.sales.forecast.ForecastQueries.Point;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast: open and won deals the user may see, per owner or team and per month or quarter, in
 * each currency on its own (amounts in different currencies are never added): how many deals, their
 * amount, the weighted amount (amount × the stage's probability; won deals count whole) and the
 * amounts per forecast category, with the manager's commit override beside them. Weekly snapshots
 * keep the forecast as it stood, so that its movement can be drawn.
 */
@Service
class Forecasts {

  /** One line of the table: a group (owner or team), a period and a currency. */
  record Line(
      String scope,
      long scopeId,
      String name,
      String period,
      String currency,
      long deals,
      BigDecimal amount,
      BigDecimal weighted,
      Map<String, BigDecimal> byCategory,
      Override override) {}

  /** The table with the periods it covers. */
  record Table(String groupBy, Period.Unit unit, List<Period> periods, List<Line> lines) {}

  private final ForecastQueries queries;
  private final DealScope scope;
  private final Users users;
  private final Actors actors;
  private final RecordVisibility visibility;
  private final Clock clock = Clock.systemUTC();

  Forecasts(
      ForecastQueries queries,
      DealScope scope,
      Users users,
      Actors actors,
      RecordVisibility visibility) {
    this.queries = queries;
    this.scope = scope;
    this.users = users;
    this.actors = actors;
    this.visibility = visibility;
  }

  /**
   * The periods of the table: {@code count} months or quarters from the one holding {@code from}.
   */
  static List<Period> periods(Period.Unit unit, YearMonth from, int count) {
    List<Period> out = new ArrayList<>();
    YearMonth m = YearMonth.from(Period.of(unit, from).from());
    for (int i = 0; i < count; i++) {
      out.add(Period.of(unit, m));
      m = m.plusMonths(unit == Period.Unit.MONTH ? 1 : 3);
    }
    return out;
  }

  YearMonth thisMonth() {
    return YearMonth.now(clock);
  }

  @Transactional(readOnly = true)
  Table table(String groupBy, Period.Unit unit, YearMonth from, int count) {
    List<Period> periods = periods(unit, from, count);
    Map<String, Object> params = new HashMap<>();
    String where = scope.where(null, null, null, params);
    List<Cell> cells =
        queries.cells(where, params, periods.get(0).from(), periods.get(count - 1).to());
    boolean byTeam = "team".equals(groupBy);
    Map<Long, Set<Long>> teamsOf = new HashMap<>();
    Map<String, Line> lines = new TreeMap<>();
    for (Cell c : cells) {
      Period p = Period.of(unit, c.month());
      for (long key : keys(c.owner(), byTeam, teamsOf)) {
        String id = key + "|" + p.label() + "|" + c.currency();
        Line old = lines.get(id);
        lines.put(id, add(old, byTeam ? "TEAM" : "OWNER", key, p.label(), c));
      }
    }
    return new Table(
        byTeam ? "team" : "owner", unit, periods, named(lines.values(), byTeam, periods));
  }

  /**
   * The groups a deal's sums go to: its owner (0 for none), or each team of its owner (0 for none).
   */
  private List<Long> keys(Long owner, boolean byTeam, Map<Long, Set<Long>> teamsOf) {
    if (!byTeam) {
      return List.of(owner == null ? 0L : owner);
    }
    Set<Long> teams =
        owner == null
            ? Set.of()
            : teamsOf.computeIfAbsent(
                owner, o -> users.find(o).map(User::teamIds).orElse(Set.of()));
    return teams.isEmpty() ? List.of(0L) : List.copyOf(teams);
  }

  private static Line add(Line old, String scope, long key, String period, Cell c) {
    Map<String, BigDecimal> cats = new LinkedHashMap<>(old == null ? Map.of() : old.byCategory());
    cats.merge(c.category(), c.amount(), BigDecimal::add);
    return new Line(
        scope,
        key,
        null,
        period,
        c.currency(),
        (old == null ? 0 : old.deals()) + c.deals(),
        (old == null ? BigDecimal.ZERO : old.amount()).add(c.amount()),
        (old == null ? BigDecimal.ZERO : old.weighted()).add(c.weighted()),
        cats,
        null);
  }

  /** The lines with their group's name and override, by name, period and currency. */
  private List<Line> named(java.util.Collection<Line> raw, boolean byTeam, List<Period> periods) {
    Map<Long, String> teamNames = new HashMap<>();
    users.teams().forEach((Team t) -> teamNames.put(t.id(), t.name()));
    Map<String, Override> inForce = new HashMap<>();
    for (Override o :
        queries.overrides(
            byTeam ? "TEAM" : "OWNER", periods.stream().map(Period::label).toList())) {
      inForce.putIfAbsent(o.scopeId() + "|" + o.period() + "|" + o.currency(), o);
    }
    Map<Long, String> names = new HashMap<>();
    List<Line> out = new ArrayList<>();
    for (Line l : raw) {
      String name =
          names.computeIfAbsent(l.scopeId(), k -> byTeam ? teamName(k, teamNames) : ownerName(k));
      Override o = inForce.get(l.scopeId() + "|" + l.period() + "|" + l.currency());
      out.add(
          new Line(
              l.scope(),
              l.scopeId(),
              name,
              l.period(),
              l.currency(),
              l.deals(),
              l.amount(),
              l.weighted(),
              l.byCategory(),
              o));
    }
    out.sort(
        Comparator.comparing((Line l) -> l.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Line::period)
            .thenComparing(Line::currency));
    return out;
  }

  private static String teamName(long id, Map<Long, String> names) {
    return id == 0 ? "No team" : names.getOrDefault(id, "team #" + id);
  }

  String ownerName(long id) {
    return id == 0 ? "No owner" : users.find(id).map(User::displayName).orElse("a former user");
  }

  /** The condition for the deals behind one group's number (owner 0 is "no owner"). */
  String groupWhere(String groupBy, long key, Map<String, Object> params) {
    if ("team".equals(groupBy)) {
      if (key == 0) {
        return scope.where(null, null, null, params) + " and " + noTeam(params);
      }
      return scope.where(null, key, null, params);
    }
    if (key == 0) {
      return scope.where(null, null, null, params) + " and o.owner_user_id is null";
    }
    return scope.where(key, null, null, params);
  }

  private String noTeam(Map<String, Object> params) {
    List<Long> teamless =
        users.all().stream().filter(u -> u.teamIds().isEmpty()).map(User::id).toList();
    if (teamless.isEmpty()) {
      return "o.owner_user_id is null";
    }
    params.put("teamless", teamless);
    return "(o.owner_user_id is null or o.owner_user_id in (:teamless))";
  }

  /** Keeps a manager's commit override, with who set it and when. */
  @Transactional
  Override override(
      String scopeName,
      long scopeId,
      String period,
      String currency,
      BigDecimal amount,
      String note) {
    Actor actor = actors.current();
    String by =
        actor.userId() == null
            ? actor.name()
            : users.find(actor.userId()).map(User::displayName).orElse(actor.name());
    Override o =
        new Override(scopeName, scopeId, period, currency, amount, note, by, clock.instant());
    queries.addOverride(o, actor.userId());
    return o;
  }

  /** The Monday of the week holding {@code at} (UTC): the snapshot's key. */
  static LocalDate weekOf(Instant at) {
    return at.atZone(ZoneOffset.UTC)
        .toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /**
   * Takes this week's snapshot of every deal (whoever may see it), replacing one taken earlier in
   * the week; answers the week and how many sums it holds.
   */
  @Transactional
  Map<String, Object> snapshot() {
    Instant now = clock.instant();
    LocalDate week = weekOf(now);
    List<Cell> cells =
        queries.cells(
            "1 = 1", new HashMap<>(), LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
    int rows = queries.replaceSnapshot(week, cells, now);
    return Map.of("week", week.toString(), "rows", rows, "takenAt", now.toString());
  }

  @Transactional(readOnly = true)
  boolean hasSnapshot(LocalDate week) {
    return queries.snapshotTaken(week).isPresent();
  }

  /**
   * The forecast's movement: weighted and commit per week and currency, for what the user may see.
   */
  @Transactional(readOnly = true)
  List<Point> movement(List<Period> periods) {
    Map<String, Object> params = new HashMap<>();
    Optional<Set<Long>> owners = visibility.visibleOwners(actors.current(), DealScope.OBJECT_TYPE);
    String where = "1 = 1";
    if (owners.isPresent()) {
      where = "(f.owner_key = 0" + (owners.get().isEmpty() ? ")" : " or f.owner_key in (:owners))");
      if (!owners.get().isEmpty()) {
        params.put("owners", owners.get());
      }
    }
    YearMonth from = YearMonth.from(periods.get(0).from());
    YearMonth to = YearMonth.from(periods.get(periods.size() - 1).to());
    return queries.series(where, params, from, to);
  }
}
