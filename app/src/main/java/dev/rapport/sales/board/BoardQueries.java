package dev.rapport.sales.board;

import dev.rapport.sales.Gate;
import dev.rapport.sales.PipelineStage;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The board's SQL: per-stage counts and totals (per currency), the cards of one column, the rows of
 * the list (sorted and paged), and the gates that hold on a set of deals. Every query is narrowed
 * by {@link DealScope} to the deals the current user may see.
 */
@Repository
class BoardQueries {

  /** A deal as a card or a list row shows it. */
  record Card(
      long id,
      String name,
      long pipelineId,
      long stageId,
      String status,
      BigDecimal amount,
      String currency,
      LocalDate closeDate,
      Long ownerUserId,
      Instant lastActivityAt,
      int version) {}

  /** How many deals a stage holds and their total, per currency (never added across). */
  record Totals(long count, Map<String, BigDecimal> byCurrency) {
    static final Totals EMPTY = new Totals(0, Map.of());
  }

  static final String CARD_COLUMNS =
      "o.id, o.name, o.pipeline_id, o.stage_id, o.status, o.amount, o.currency, o.close_date,"
          + " o.owner_user_id, o.last_activity_at, o.version";

  private final JdbcClient jdbc;

  BoardQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Count and totals per stage of the pipeline, for the deals the condition keeps. */
  Map<Long, Totals> totals(long pipelineId, String where, Map<String, Object> params) {
    Map<Long, Long> counts = new HashMap<>();
    Map<Long, Map<String, BigDecimal>> sums = new HashMap<>();
    jdbc.sql(
            "select o.stage_id, o.currency, count(*), sum(o.amount) from deal_opportunity o"
                + " where o.pipeline_id = :pipelineId and "
                + where
                + " group by o.stage_id, o.currency")
        .params(params)
        .param("pipelineId", pipelineId)
        .query(
            rs -> {
              long stage = rs.getLong(1);
              counts.merge(stage, rs.getLong(3), Long::sum);
              sums.computeIfAbsent(stage, s -> new TreeMap<>())
                  .put(rs.getString(2), rs.getBigDecimal(4));
            });
    Map<Long, Totals> out = new HashMap<>();
    counts.forEach((stage, n) -> out.put(stage, new Totals(n, sums.get(stage))));
    return out;
  }

  /** The first cards of a stage, soonest close date first. */
  List<Card> cards(long stageId, String where, Map<String, Object> params, int limit) {
    return jdbc.sql(
            "select "
                + CARD_COLUMNS
                + " from deal_opportunity o where o.stage_id = :stageId and "
                + where
                + " order by o.close_date, o.id fetch first "
                + limit
                + " rows only")
        .params(params)
        .param("stageId", stageId)
        .query(BoardQueries::card)
        .list();
  }

  /** The sort orders the list offers, by the name the page uses. */
  static final Map<String, String> SORTS =
      Map.of(
          "name", "lower(o.name)",
          "amount", "o.amount",
          "close", "o.close_date",
          "stage", "o.stage_id",
          "updated", "o.last_activity_at");

  /** One page of list rows; {@code sort} is a key of {@link #SORTS}. */
  List<Card> rows(
      String where, Map<String, Object> params, String sort, boolean desc, long offset, int size) {
    String order = SORTS.getOrDefault(sort, "o.close_date") + (desc ? " desc" : "");
    return jdbc.sql(
            "select "
                + CARD_COLUMNS
                + " from deal_opportunity o where "
                + where
                + " order by "
                + order
                + ", o.id"
                + (desc ? " desc" : "")
                + " offset "
                + offset
                + " rows fetch next "
                + size
                + " rows only")
        .params(params)
        .query(BoardQueries::card)
        .list();
  }

  long count(String where, Map<String, Object> params) {
    return jdbc.sql("select count(*) from deal_opportunity o where " + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  /** The gates that hold on each deal: the confirmed ones and gate 5 from the stakeholders. */
  Map<Long, Set<Gate>> heldGates(Collection<Long> ids) {
    Map<Long, Set<Gate>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql("select opportunity_id, gate from deal_gate where opportunity_id in (:ids)")
        .param("ids", ids)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
        .list()
        .forEach(
            r ->
                Gate.of((int) r[1])
                    .ifPresent(
                        g -> out.computeIfAbsent(r[0], k -> EnumSet.noneOf(Gate.class)).add(g)));
    jdbc.sql(
            "select distinct opportunity_id from deal_stakeholder where opportunity_id in (:ids)"
                + " and role = 'DECISION_MAKER' and has_access = true")
        .param("ids", ids)
        .query(Long.class)
        .list()
        .forEach(id -> out.computeIfAbsent(id, k -> EnumSet.noneOf(Gate.class)).add(Gate.ACCESS));
    return out;
  }

  /** Whether a card is stale: no touch or change within its stage's limit. */
  static boolean stale(Card c, PipelineStage stage, Instant now) {
    return "OPEN".equals(c.status())
        && stage != null
        && c.lastActivityAt()
            .isBefore(now.minus(java.time.Duration.ofDays(stage.staleAfterDays())));
  }

  /** Totals as "12,000.00 EUR · 3,500.00 USD"; "0" when empty. */
  static String money(Map<String, BigDecimal> byCurrency) {
    if (byCurrency == null || byCurrency.isEmpty()) {
      return "0";
    }
    List<String> parts = new ArrayList<>();
    byCurrency.forEach((cur, sum) -> parts.add(format(sum) + " " + cur));
    return parts.stream().collect(Collectors.joining(" · "));
  }

  static String format(BigDecimal amount) {
    return String.format(java.util.Locale.ROOT, "%,.0f", amount);
  }

  private static Card card(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp last = rs.getTimestamp(10);
    long owner = rs.getLong(9);
    Long ownerId = rs.wasNull() ? null : owner;
    return new Card(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getBigDecimal(6),
        rs.getString(7),
        rs.getDate(8).toLocalDate(),
        ownerId,
        last.toInstant(),
        rs.getInt(11));
  }
}
