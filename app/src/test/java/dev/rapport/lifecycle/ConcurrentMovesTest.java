package dev.rapport.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.people.PersonId;
import dev.rapport.support.PersistenceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PersistenceTest
class ConcurrentMovesTest {

  @Autowired Lifecycle lifecycle;

  @Test
  void concurrentMovesOfOnePersonFormOneUnbrokenChain() throws Exception {
    PersonId person = LifecycleTest.newPerson();
    List<Stage> stages = lifecycle.activeModel().stages();
    long line = lifecycle.productLines().get(0).id();
    int threads = 4;
    int movesEach = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int offset = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int moved = 0;
                  for (int i = 0; i < movesEach; i++) {
                    Stage to = stages.get((offset + i) % stages.size());
                    try {
                      lifecycle.move(person, line, to.id(), ChangedBy.rule("t" + offset), null);
                      moved++;
                    } catch (dev.rapport.shared.InvalidInputException alreadyThere) {
                      // another thread moved the person into this stage first
                    }
                  }
                  return moved;
                }));
      }
      start.countDown();
      int moved = 0;
      for (Future<Integer> f : results) {
        moved += f.get(60, TimeUnit.SECONDS);
      }
      List<StageChange> history = new ArrayList<>(lifecycle.history(person));
      java.util.Collections.reverse(history);
      assertThat(history).hasSize(moved);
      assertThat(history.get(0).from()).isNull();
      for (int i = 1; i < history.size(); i++) {
        assertThat(history.get(i).from().id())
            .as("row %d starts where row %d ended", i, i - 1)
            .isEqualTo(history.get(i - 1).to().id());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
