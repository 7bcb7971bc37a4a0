package dev.rapport.lifecycle.internal;

import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.LifecycleModel;
import dev.rapport.lifecycle.ProductLine;
import dev.rapport.lifecycle.Stage;
import dev.rapport.lifecycle.StageChange;
import dev.rapport.lifecycle.StageOwner;
import dev.rapport.people.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The lifecycle tables, read and appended with plain SQL that runs on H2 and PostgreSQL. */
@Repository
class LifecycleStore {

  /** A row of stage_change is the latest of its person and product line when nothing follows it. */
  private static final String IS_LATEST =
      """
      not exists (select 1 from stage_change n
                  where n.person_id = c.person_id and n.product_line_id = c.product_line_id
                    and (n.changed_at > c.changed_at or (n.changed_at = c.changed_at and n.id > c.id)))
      """;

  private final JdbcClient jdbc;

  LifecycleStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  Map<Long, Stage> stagesById() {
    return jdbc
        .sql("select * from lifecycle_stage order by model_id, position, id")
        .query(LifecycleStore::stage)
        .list()
        .stream()
        .collect(Collectors.toMap(Stage::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  List<LifecycleModel> models() {
    Map<Long, List<Stage>> stages =
        stagesById().values().stream().collect(Collectors.groupingBy(Stage::modelId));
    return jdbc.sql("select * from lifecycle_model order by id")
        .query(
            (rs, n) ->
                new LifecycleModel(
                    rs.getLong("id"),
                    rs.getString("template_key"),
                    rs.getString("name"),
                    rs.getString("description"),
                    rs.getBoolean("loops"),
                    rs.getBoolean("active"),
                    stages.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  Map<Long, ProductLine> productLines() {
    return jdbc
        .sql("select id, name from product_line order by id")
        .query((rs, n) -> new ProductLine(rs.getLong("id"), rs.getString("name")))
        .list()
        .stream()
        .collect(
            Collectors.toMap(
                ProductLine::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  long insertProductLine(String name, Instant at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into product_line (name, created_at) values (:name, :at)")
        .param("name", name)
        .param("at", utc(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void activate(long modelId) {
    jdbc.sql("update lifecycle_model set active = (id = :id)").param("id", modelId).update();
  }

  void updateStage(long stageId, String name, StageOwner owner, CountsAs countsAs) {
    jdbc.sql(
            "update lifecycle_stage set name = :name, owner = :owner, counts_as = :countsAs"
                + " where id = :id")
        .param("name", name)
        .param("owner", owner.name())
        .param("countsAs", countsAs.name())
        .param("id", stageId)
        .update();
  }

  void setPosition(long stageId, int position) {
    jdbc.sql("update lifecycle_stage set position = :p where id = :id")
        .param("p", position)
        .param("id", stageId)
        .update();
  }

  long insertStage(long modelId, String name, int position, StageOwner owner, CountsAs countsAs) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into lifecycle_stage (model_id, name, position, owner, counts_as)"
                + " values (:m, :name, :p, :owner, :countsAs)")
        .param("m", modelId)
        .param("name", name)
        .param("p", position)
        .param("owner", owner.name())
        .param("countsAs", countsAs.name())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  long appendChange(
      PersonId person,
      long productLineId,
      Long fromStageId,
      long toStageId,
      Instant at,
      ChangedBy by,
      String why) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into stage_change (person_id, product_line_id, from_stage_id, to_stage_id,
                                      changed_at, by_kind, by_name, why)
            values (:person, :pl, :from, :to, :at, :kind, :name, :why)
            """)
        .param("person", person.value())
        .param("pl", productLineId)
        .param("from", fromStageId)
        .param("to", toStageId)
        .param("at", utc(at))
        .param("kind", by.kind().name())
        .param("name", by.name())
        .param("why", why)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Holds the person's row lock for the product line until the transaction ends. */
  void lock(PersonId person, long productLineId) {
    jdbc.sql(
            "insert into stage_lock (person_id, product_line_id) values (:p, :pl)"
                + " on conflict do nothing")
        .param("p", person.value())
        .param("pl", productLineId)
        .update();
    jdbc.sql(
            "select person_id from stage_lock where person_id = :p and product_line_id = :pl"
                + " for update")
        .param("p", person.value())
        .param("pl", productLineId)
        .query(Long.class)
        .single();
  }

  /** Latest change per product line of one person. */
  List<ChangeRow> latest(PersonId person) {
    return jdbc.sql(
            "select c.* from stage_change c where c.person_id = :p and "
                + IS_LATEST
                + " order by c.product_line_id")
        .param("p", person.value())
        .query(LifecycleStore::changeRow)
        .list();
  }

  Optional<ChangeRow> latest(PersonId person, long productLineId) {
    return latest(person).stream().filter(r -> r.productLineId() == productLineId).findFirst();
  }

  /** The person's history in one product line (or all when null), oldest first. */
  List<ChangeRow> history(PersonId person, Long productLineId) {
    return jdbc.sql(
            "select c.* from stage_change c where c.person_id = :p"
                + (productLineId == null ? "" : " and c.product_line_id = :pl")
                + " order by c.changed_at, c.id")
        .params(
            productLineId == null
                ? Map.of("p", person.value())
                : Map.of("p", person.value(), "pl", productLineId))
        .query(LifecycleStore::changeRow)
        .list();
  }

  Map<Long, Long> currentCounts(long productLineId) {
    Map<Long, Long> counts = new LinkedHashMap<>();
    jdbc.sql(
            "select c.to_stage_id, count(*) as n from stage_change c where c.product_line_id = :pl"
                + " and "
                + IS_LATEST
                + " group by c.to_stage_id")
        .param("pl", productLineId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> counts.put(rs.getLong("to_stage_id"), rs.getLong("n")));
    return counts;
  }

  int reassignPerson(PersonId merged, PersonId survivor) {
    return jdbc.sql(
            "update stage_change set person_id = :s,"
                + " merged_from = coalesce(merged_from, :m) where person_id = :m")
        .param("s", survivor.value())
        .param("m", merged.value())
        .update();
  }

  StageChange toChange(ChangeRow row, Map<Long, Stage> stages, Map<Long, ProductLine> lines) {
    return new StageChange(
        row.id(),
        new PersonId(row.personId()),
        lines.get(row.productLineId()),
        row.fromStageId() == null ? null : stages.get(row.fromStageId()),
        stages.get(row.toStageId()),
        row.at(),
        new ChangedBy(ChangedBy.Kind.valueOf(row.byKind()), row.byName()),
        row.why(),
        row.mergedFrom() == null ? null : new PersonId(row.mergedFrom()));
  }

  /** A stage_change row as stored. */
  record ChangeRow(
      long id,
      long personId,
      long productLineId,
      Long fromStageId,
      long toStageId,
      Instant at,
      String byKind,
      String byName,
      String why,
      Long mergedFrom) {}

  private static ChangeRow changeRow(ResultSet rs, int n) throws SQLException {
    return new ChangeRow(
        rs.getLong("id"),
        rs.getLong("person_id"),
        rs.getLong("product_line_id"),
        rs.getObject("from_stage_id", Long.class),
        rs.getLong("to_stage_id"),
        rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
        rs.getString("by_kind"),
        rs.getString("by_name"),
        rs.getString("why"),
        rs.getObject("merged_from", Long.class));
  }

  private static Stage stage(ResultSet rs, int n) throws SQLException {
    return new Stage(
        rs.getLong("id"),
        rs.getLong("model_id"),
        rs.getString("name"),
        rs.getInt("position"),
        StageOwner.valueOf(rs.getString("owner")),
        CountsAs.valueOf(rs.getString("counts_as")));
  }
}
