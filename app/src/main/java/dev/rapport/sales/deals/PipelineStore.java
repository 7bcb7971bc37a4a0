package dev.rapport.sales.deals;

import dev.rapport.sales.CloseReason;
import dev.rapport.sales.DealStatus;
import dev.rapport.sales.ForecastCategory;
import dev.rapport.sales.Gate;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineStage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of pipelines, their stages and the workspace's close reasons. */
@Repository
public class PipelineStore {

  private final JdbcClient jdbc;

  PipelineStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Pipeline> all() {
    Map<Long, List<PipelineStage>> stages = new LinkedHashMap<>();
    jdbc.sql(
            "select id, pipeline_id, name, position, probability, forecast_category,"
                + " stale_after_days, required_gates, outcome from deal_stage"
                + " order by pipeline_id, position, id")
        .query(PipelineStore::stage)
        .list()
        .forEach(s -> stages.computeIfAbsent(s.pipelineId(), k -> new ArrayList<>()).add(s));
    return jdbc.sql(
            "select id, name, position, is_default from deal_pipeline order by position, id")
        .query(
            (rs, n) ->
                new Pipeline(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getBoolean(4),
                    stages.getOrDefault(rs.getLong(1), List.of())))
        .list();
  }

  public Optional<Pipeline> find(long id) {
    return all().stream().filter(p -> p.id() == id).findFirst();
  }

  static PipelineStage stage(ResultSet rs, int n) throws SQLException {
    String outcome = rs.getString("outcome");
    return new PipelineStage(
        rs.getLong("id"),
        rs.getLong("pipeline_id"),
        rs.getString("name"),
        rs.getInt("position"),
        rs.getInt("probability"),
        ForecastCategory.valueOf(rs.getString("forecast_category")),
        rs.getInt("stale_after_days"),
        gates(rs.getString("required_gates")),
        outcome == null ? null : DealStatus.valueOf(outcome));
  }

  static List<Gate> gates(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return Arrays.stream(stored.split(","))
        .map(String::strip)
        .map(Integer::parseInt)
        .map(g -> Gate.of(g).orElseThrow())
        .sorted()
        .toList();
  }

  static String gates(List<Gate> gates) {
    return gates.stream()
        .sorted()
        .distinct()
        .map(g -> String.valueOf(g.number()))
        .collect(Collectors.joining(","));
  }

  long insertPipeline(String name, int position) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into deal_pipeline (name, position, is_default, created_at)"
                + " values (:n, :p, false, :at)")
        .param("n", name)
        .param("p", position)
        .param("at", Timestamp.from(Instant.now()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void renamePipeline(long id, String name) {
    jdbc.sql("update deal_pipeline set name = :n where id = :id")
        .param("n", name)
        .param("id", id)
        .update();
  }

  void makeDefault(long id) {
    jdbc.sql("update deal_pipeline set is_default = (id = :id)").param("id", id).update();
  }

  int nextPipelinePosition() {
    return jdbc.sql("select coalesce(max(position), 0) + 1 from deal_pipeline")
        .query(Integer.class)
        .single();
  }

  boolean pipelineNameTaken(String name, Long except) {
    return jdbc.sql("select count(*) from deal_pipeline where lower(name) = lower(:n) and id <> :x")
            .param("n", name)
            .param("x", except == null ? -1L : except)
            .query(Long.class)
            .single()
        > 0;
  }

  long insertStage(
      long pipelineId,
      String name,
      int position,
      int probability,
      ForecastCategory category,
      int staleAfterDays,
      List<Gate> gates,
      DealStatus outcome) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into deal_stage (pipeline_id, name, position, probability, forecast_category,"
                + " stale_after_days, required_gates, outcome) values (:p, :n, :pos, :prob, :cat,"
                + " :stale, :gates, :outcome)")
        .param("p", pipelineId)
        .param("n", name)
        .param("pos", position)
        .param("prob", probability)
        .param("cat", category.name())
        .param("stale", staleAfterDays)
        .param("gates", gates(gates))
        .param("outcome", outcome == null ? null : outcome.name())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void updateStage(
      long stageId,
      String name,
      int probability,
      ForecastCategory category,
      int staleAfterDays,
      List<Gate> gates) {
    jdbc.sql(
            "update deal_stage set name = :n, probability = :prob, forecast_category = :cat,"
                + " stale_after_days = :stale, required_gates = :gates where id = :id")
        .param("n", name)
        .param("prob", probability)
        .param("cat", category.name())
        .param("stale", staleAfterDays)
        .param("gates", gates(gates))
        .param("id", stageId)
        .update();
  }

  void setStagePosition(long stageId, int position) {
    jdbc.sql("update deal_stage set position = :p where id = :id")
        .param("p", position)
        .param("id", stageId)
        .update();
  }

  void deleteStage(long stageId) {
    jdbc.sql("delete from deal_stage where id = :id").param("id", stageId).update();
  }

  long dealsInStage(long stageId) {
    return jdbc.sql("select count(*) from deal_opportunity where stage_id = :s")
        .param("s", stageId)
        .query(Long.class)
        .single();
  }

  public List<CloseReason> reasons(DealStatus outcome, boolean includeInactive) {
    return jdbc.sql(
            "select id, outcome, label, position, active from deal_close_reason where "
                + (outcome == null ? "1 = 1" : "outcome = '" + outcome.name() + "'")
                + (includeInactive ? "" : " and active")
                + " order by outcome desc, position, id")
        .query(PipelineStore::reason)
        .list();
  }

  public Optional<CloseReason> reason(long id) {
    return jdbc.sql(
            "select id, outcome, label, position, active from deal_close_reason where id = :id")
        .param("id", id)
        .query(PipelineStore::reason)
        .optional();
  }

  static CloseReason reason(ResultSet rs, int n) throws SQLException {
    return new CloseReason(
        rs.getLong("id"),
        DealStatus.valueOf(rs.getString("outcome")),
        rs.getString("label"),
        rs.getInt("position"),
        rs.getBoolean("active"));
  }

  long insertReason(DealStatus outcome, String label) {
    int position =
        jdbc.sql("select coalesce(max(position), 0) + 1 from deal_close_reason where outcome = :o")
            .param("o", outcome.name())
            .query(Integer.class)
            .single();
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into deal_close_reason (outcome, label, position, active)"
                + " values (:o, :l, :p, true)")
        .param("o", outcome.name())
        .param("l", label)
        .param("p", position)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  boolean reasonTaken(DealStatus outcome, String label, Long except) {
    return jdbc.sql(
                "select count(*) from deal_close_reason where outcome = :o"
                    + " and lower(label) = lower(:l) and id <> :x")
            .param("o", outcome.name())
            .param("l", label)
            .param("x", except == null ? -1L : except)
            .query(Long.class)
            .single()
        > 0;
  }

  void updateReason(long id, String label, boolean active) {
    jdbc.sql("update deal_close_reason set label = :l, active = :a where id = :id")
        .param("l", label)
        .param("a", active)
        .param("id", id)
        .update();
  }
}
