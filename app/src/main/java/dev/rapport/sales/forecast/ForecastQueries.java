package dev.rapport.sales.forecast;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The forecast's SQL: open and won deals summed per owner, close month, currency and forecast
 * category; the deals behind one number; commit overrides (appended, newest in force); and the
 * weekly snapshots.
 */
@Repository
class ForecastQueries {

  /** One sum: deals of an owner closing in a month, in one currency and category. */
  record Cell(
      Long owner,
      YearMonth month,
      String currency,
      String category,
      long deals,
      BigDecimal amount,
      BigDecimal weighted) {}

  /** A commit override as kept. */
  record Override(
      String scope,
      long scopeId,
      String period,
      String currency,
      BigDecimal amount,
      String note,
      String by,
      Instant at) {}

  /** The weighted and commit sums of one week's snapshot in one currency. */
  record Point(LocalDate week, String currency, BigDecimal weighted, BigDecimal commit) {}

  private static final String SUMS =
      "select o.owner_user_id, extract(year from o.close_date), extract(month from o.close_date),"
          + " o.currency, s.forecast_category, count(*), sum(o.amount),"
          + " sum(o.amount * s.probability) / 100"
          + " from deal_opportunity o join deal_stage s on s.id = o.stage_id"
          + " where o.status <> 'LOST' and o.close_date >= :from and o.close_date < :to and ";

  private final JdbcClient jdbc;

  ForecastQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The sums of the deals the condition (on alias o) keeps, closing in [from, to). */
  List<Cell> cells(String where, Map<String, Object> params, LocalDate from, LocalDate to) {
    return jdbc.sql(
            SUMS
                + where
                + " group by o.owner_user_id, extract(year from o.close_date),"
                + " extract(month from o.close_date), o.currency, s.forecast_category")
        .params(params)
        .param("from", Date.valueOf(from))
        .param("to", Date.valueOf(to))
        .query(
            (rs, n) -> {
              long owner = rs.getLong(1);
              Long o = rs.wasNull() ? null : owner;
              return new Cell(
                  o,
                  YearMonth.of(rs.getInt(2), rs.getInt(3)),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getLong(6),
                  rs.getBigDecimal(7),
                  rs.getBigDecimal(8).setScale(2, java.math.RoundingMode.HALF_UP));
            })
        .list();
  }

  /** Ids of the deals behind a number, biggest first. */
  List<Long> dealIds(
      String where, Map<String, Object> params, LocalDate from, LocalDate to, int limit) {
    return jdbc.sql(
            "select o.id from deal_opportunity o join deal_stage s on s.id = o.stage_id"
                + " where o.status <> 'LOST' and o.close_date >= :from and o.close_date < :to and "
                + where
                + " order by o.amount desc, o.id fetch first "
                + limit
                + " rows only")
        .params(params)
        .param("from", Date.valueOf(from))
        .param("to", Date.valueOf(to))
        .query(Long.class)
        .list();
  }

  void addOverride(Override o, Long byUserId) {
    jdbc.sql(
            "insert into deal_forecast_override (scope, scope_id, period, currency, amount, note,"
                + " set_by_user_id, set_by_name, set_at)"
                + " values (:scope, :scopeId, :period, :currency, :amount, :note, :byId, :by, :at)")
        .param("scope", o.scope())
        .param("scopeId", o.scopeId())
        .param("period", o.period())
        .param("currency", o.currency())
        .param("amount", o.amount())
        .param("note", o.note())
        .param("byId", byUserId)
        .param("by", o.by())
        .param("at", Timestamp.from(o.at()))
        .update();
  }

  /** Every override of the scope and periods, newest first (the first of a key is in force). */
  List<Override> overrides(String scope, List<String> periods) {
    if (periods.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select scope, scope_id, period, currency, amount, note, set_by_name, set_at"
                + " from deal_forecast_override where scope = :scope and period in (:periods)"
                + " order by id desc")
        .param("scope", scope)
        .param("periods", periods)
        .query(
            (rs, n) ->
                new Override(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()))
        .list();
  }

  /** Replaces the week's snapshot with the given sums (all deals, whoever may see them). */
  int replaceSnapshot(LocalDate week, List<Cell> cells, Instant at) {
    jdbc.sql("delete from deal_forecast_snapshot where week_start = :w")
        .param("w", Date.valueOf(week))
        .update();
    for (Cell c : cells) {
      jdbc.sql(
              "insert into deal_forecast_snapshot (week_start, owner_key, close_month, currency,"
                  + " category, deals, amount, weighted, taken_at)"
                  + " values (:w, :o, :m, :c, :cat, :n, :a, :wt, :at)")
          .param("w", Date.valueOf(week))
          .param("o", c.owner() == null ? 0L : c.owner())
          .param("m", c.month().toString())
          .param("c", c.currency())
          .param("cat", c.category())
          .param("n", c.deals())
          .param("a", c.amount())
          .param("wt", c.weighted())
          .param("at", Timestamp.from(at))
          .update();
    }
    return cells.size();
  }

  Optional<Instant> snapshotTaken(LocalDate week) {
    return jdbc.sql("select max(taken_at) from deal_forecast_snapshot where week_start = :w")
        .param("w", Date.valueOf(week))
        .query((rs, n) -> rs.getTimestamp(1))
        .optional()
        .filter(java.util.Objects::nonNull)
        .map(Timestamp::toInstant);
  }

  /**
   * Weighted and commit sums per week and currency, for deals closing in [from, to) of the owners
   * the condition on alias {@code f} (owner_key) keeps.
   */
  List<Point> series(String ownerWhere, Map<String, Object> params, YearMonth from, YearMonth to) {
    return jdbc.sql(
            "select f.week_start, f.currency, sum(f.weighted),"
                + " sum(case when f.category = 'COMMIT' then f.amount else 0 end)"
                + " from deal_forecast_snapshot f where f.close_month >= :from"
                + " and f.close_month < :to and "
                + ownerWhere
                + " group by f.week_start, f.currency order by f.week_start, f.currency")
        .params(params)
        .param("from", from.toString())
        .param("to", to.toString())
        .query(
            (rs, n) ->
                new Point(
                    rs.getDate(1).toLocalDate(),
                    rs.getString(2),
                    rs.getBigDecimal(3),
                    rs.getBigDecimal(4)))
        .list();
  }
}
