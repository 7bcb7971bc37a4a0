package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.support.PersistenceTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@PersistenceTest
class DemoPeopleTest {

  @Autowired DemoPeople demo;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  /** Loads a small demo workspace and rolls it back, returning what it looked like. */
  List<String> loadAndRollBack(long seed) {
    return tx.execute(
        status -> {
          DemoPeopleLoaded loaded = demo.load(new Random(seed), 12, 70);
          assertThat(loaded.persons()).hasSize(70);
          assertThat(loaded.accounts()).hasSize(12);
          List<Long> ids = loaded.persons().stream().map(p -> p.value()).toList();
          long withoutIdentity =
              jdbc.sql(
                      "select count(*) from person p where p.id in (:ids) and not exists"
                          + " (select 1 from social_identity i where i.person_id = p.id)")
                  .param("ids", ids)
                  .query(Long.class)
                  .single();
          assertThat(withoutIdentity).isZero();
          long proposals =
              jdbc.sql("select count(*) from merge_proposal where person_a in (:ids)")
                  .param("ids", ids)
                  .query(Long.class)
                  .single();
          assertThat(proposals).isPositive();
          List<String> rows =
              jdbc.sql(
                      "select p.full_name || '|' || coalesce(p.primary_email, '') || '|'"
                          + " || coalesce(p.title, '') from person p where p.id in (:ids)"
                          + " order by p.id")
                  .param("ids", ids)
                  .query(String.class)
                  .list();
          status.setRollbackOnly();
          return rows;
        });
  }

  @Test
  void theDemoWorkspaceIsRealisticAndTheSameEveryTime() {
    List<String> first = loadAndRollBack(20261123L);
    List<String> second = loadAndRollBack(20261123L);
    assertThat(first).hasSize(70).isEqualTo(second);
    assertThat(first).allMatch(r -> r.matches("[^|]+ [^|]+\\|[a-z.0-9]+@[a-z0-9]+\\.example\\|.+"));
  }
}
