package dev.rapport.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.people.PersonId;
import dev.rapport.people.PersonsMerged;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.PersistenceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@PersistenceTest
class LifecycleTest {

  @Autowired Lifecycle lifecycle;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  static PersonId newPerson() {
    return new PersonId(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
  }

  long core() {
    return lifecycle.productLines().get(0).id();
  }

  @Test
  void shipsTheFourTemplatesWithOwnersAndWhatEachStageCountsAs() {
    Map<String, LifecycleModel> byKey =
        lifecycle.models().stream()
            .collect(java.util.stream.Collectors.toMap(LifecycleModel::templateKey, m -> m));
    assertThat(byKey)
        .containsKeys("circle", "marketing-sales", "social-funnel", "hierarchy-of-effects");
    assertThat(byKey.get("circle").stages())
        .extracting(Stage::name)
        .startsWith("Awareness", "Prospect", "Lead", "Customer", "Evangelist");
    assertThat(byKey.get("circle").loops()).isTrue();
    assertThat(byKey.get("marketing-sales").stages()).hasSizeGreaterThanOrEqualTo(7);
    Stage close = byKey.get("marketing-sales").stages().get(4);
    assertThat(close.name()).isEqualTo("The Close");
    assertThat(close.owner()).isEqualTo(StageOwner.SALES);
    assertThat(close.countsAs()).isEqualTo(CountsAs.SALE);
    assertThat(byKey.get("social-funnel").stages())
        .extracting(Stage::countsAs)
        .startsWith(
            CountsAs.AWARENESS,
            CountsAs.CONSIDERATION,
            CountsAs.SALE,
            CountsAs.LOYALTY,
            CountsAs.ADVOCACY);
    assertThat(byKey.get("hierarchy-of-effects").stages())
        .extracting(Stage::name)
        .startsWith(
            "Unaware",
            "Aware",
            "Knowledge",
            "Liking",
            "Preference",
            "Conviction",
            "Purchase",
            "Repurchase");
    assertThat(lifecycle.models().stream().filter(LifecycleModel::active)).hasSize(1);
  }

  @Test
  void aMoveAppendsARowWithFromToWhenWhoAndWhyAndRefusesNonsense() {
    PersonId person = newPerson();
    List<Stage> stages = lifecycle.activeModel().stages();
    StageChange first =
        lifecycle.move(
            person, core(), stages.get(0).id(), ChangedBy.rule("brand mentions"), "heard");
    StageChange second =
        lifecycle.move(person, core(), stages.get(1).id(), ChangedBy.user("ana"), "fits the ICP");

    assertThat(first.from()).isNull();
    assertThat(second.from().id()).isEqualTo(stages.get(0).id());
    assertThat(second.by()).isEqualTo(new ChangedBy(ChangedBy.Kind.USER, "ana"));
    assertThat(lifecycle.history(person))
        .extracting(c -> c.to().id(), StageChange::why)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(stages.get(1).id(), "fits the ICP"),
            org.assertj.core.groups.Tuple.tuple(stages.get(0).id(), "heard"));

    assertThatThrownBy(
            () -> lifecycle.move(person, core(), stages.get(1).id(), ChangedBy.user("ana"), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("stageId")
        .hasMessageContaining("already");
    assertThatThrownBy(
            () -> lifecycle.move(person, 999_999, stages.get(2).id(), ChangedBy.user("a"), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("productLineId");
    assertThatThrownBy(
            () ->
                lifecycle.move(
                    person, core(), stages.get(2).id(), ChangedBy.user("a"), "x".repeat(1001)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("why");
    assertThat(lifecycle.history(person)).hasSize(2);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_log where object_type = 'stage_change'"
                        + " and object_id in (:ids) and action = 'CREATE'")
                .param("ids", List.of(Long.toString(first.id()), Long.toString(second.id())))
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void timeInStageEntryAndExitDatesAndCountsPerStage() {
    PersonId person = newPerson();
    List<Stage> stages = lifecycle.activeModel().stages();
    Instant t0 = Instant.parse("2025-01-10T09:00:00Z");
    ChangedBy importer = ChangedBy.importer("crm.csv");
    lifecycle.moveAt(person, core(), stages.get(0).id(), importer, null, t0);
    lifecycle.moveAt(person, core(), stages.get(1).id(), importer, null, t0.plus(days(3)));
    lifecycle.moveAt(person, core(), stages.get(2).id(), importer, null, t0.plus(days(10)));

    List<StageSpell> spells = lifecycle.spells(person, core(), t0.plus(days(12)));

    assertThat(spells)
        .extracting(s -> s.stage().id())
        .containsExactly(stages.get(0).id(), stages.get(1).id(), stages.get(2).id());
    assertThat(spells).extracting(StageSpell::duration).containsExactly(days(3), days(7), days(2));
    assertThat(spells.get(1).entered()).isEqualTo(t0.plus(days(3)));
    assertThat(spells.get(1).exited()).isEqualTo(t0.plus(days(10)));
    assertThat(spells.get(2).isCurrent()).isTrue();
    assertThat(lifecycle.currentStages(person))
        .singleElement()
        .satisfies(c -> assertThat(c.since()).isEqualTo(t0.plus(days(10))));

    long before = count(stages.get(2));
    PersonId another = newPerson();
    lifecycle.moveAt(another, core(), stages.get(2).id(), importer, null, t0);
    assertThat(count(stages.get(2))).isEqualTo(before + 1);
  }

  private long count(Stage stage) {
    return lifecycle.counts(core()).stream()
        .filter(c -> c.stage().id() == stage.id())
        .findFirst()
        .orElseThrow()
        .persons();
  }

  @Test
  void aPersonHoldsOneStagePerProductLine() {
    PersonId person = newPerson();
    List<Stage> stages = lifecycle.activeModel().stages();
    long addOn =
        jdbc.sql("select id from product_line where name = 'Analytics add-on'")
            .query(Long.class)
            .optional()
            .orElseGet(() -> lifecycleAdminAddsProductLine("Analytics add-on"));
    Stage last = stages.get(stages.size() - 1);
    lifecycle.move(person, core(), last.id(), ChangedBy.user("ana"), "won");
    lifecycle.move(person, addOn, stages.get(0).id(), ChangedBy.user("ana"), "next product");

    assertThat(lifecycle.currentStages(person))
        .extracting(c -> c.productLine().id(), c -> c.stage().id())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(core(), last.id()),
            org.assertj.core.groups.Tuple.tuple(addOn, stages.get(0).id()));
  }

  private long lifecycleAdminAddsProductLine(String name) {
    jdbc.sql("insert into product_line (name, created_at) values (:n, current_timestamp)")
        .param("n", name)
        .update();
    return jdbc.sql("select id from product_line where name = :n")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  @Test
  void aMergeMovesEveryHistoryRowToTheSurvivor() {
    PersonId survivor = newPerson();
    PersonId merged = newPerson();
    List<Stage> stages = lifecycle.activeModel().stages();
    Instant t0 = Instant.parse("2025-03-01T00:00:00Z");
    lifecycle.moveAt(survivor, core(), stages.get(0).id(), ChangedBy.user("a"), null, t0);
    lifecycle.moveAt(merged, core(), stages.get(0).id(), ChangedBy.user("b"), null, t0);
    lifecycle.moveAt(
        merged, core(), stages.get(1).id(), ChangedBy.user("b"), null, t0.plus(days(1)));

    tx.executeWithoutResult(
        s -> events.publishEvent(new PersonsMerged(survivor, merged, "same email")));

    assertThat(lifecycle.history(merged)).isEmpty();
    List<StageChange> history = lifecycle.history(survivor);
    assertThat(history).hasSize(3);
    assertThat(history).filteredOn(c -> merged.equals(c.mergedFrom())).hasSize(2);
    assertThat(lifecycle.currentStages(survivor))
        .singleElement()
        .satisfies(c -> assertThat(c.stage().id()).isEqualTo(stages.get(1).id()));
  }

  @Test
  void aMergeThatRollsBackMovesNothing() {
    PersonId survivor = newPerson();
    PersonId merged = newPerson();
    lifecycle.move(
        merged, core(), lifecycle.activeModel().stages().get(0).id(), ChangedBy.user("b"), null);

    tx.executeWithoutResult(
        s -> {
          events.publishEvent(new PersonsMerged(survivor, merged, "test"));
          s.setRollbackOnly();
        });

    assertThat(lifecycle.history(merged)).hasSize(1);
    assertThat(lifecycle.history(survivor)).isEmpty();
  }

  static Duration days(int n) {
    return Duration.ofDays(n);
  }
}
