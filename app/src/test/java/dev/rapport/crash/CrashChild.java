package dev.rapport.crash;

import dev.rapport.RapportApplication;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.Stage;
import dev.rapport.lifecycle.StageChanged;
import dev.rapport.people.PersonCreated;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonsMerged;
import dev.rapport.people.internal.ImportJobs;
import dev.rapport.people.internal.MergeDriver;
import java.io.FileReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The child process of {@link CrashSafetyTest}: the real application on a file database, running a
 * CSV import, merges and stage moves side by side until its parent kills it with SIGKILL. With a
 * pause point ({@code inside} a transaction, or {@code after-commit}), each operation stops there
 * at a chosen iteration and says so on standard output ("CRASH PAUSED ..."), so the kill lands at
 * that exact point; without one ({@code none}) they run on and the kill lands wherever they are.
 * Every operation that returned is announced as "CRASH DONE ...".
 *
 * <p>Usage: {@code CrashChild PLAN.properties}: db, round, pause, import (a CSV file), seedFile
 * (the persons to merge and move, planted first when seed=true), importPauseAt, mergePauseAt,
 * movePauseAt.
 */
public final class CrashChild {

  static final String MOVER = "crash mover";
  static Properties plan;

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    plan = new Properties();
    try (FileReader r = new FileReader(args[0])) {
      plan.load(r);
    }
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(RapportApplication.class, Pauses.class)
            .run(
                "--spring.datasource.url=" + plan.getProperty("db"),
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--server.port=0",
                "--rapport.demo=false",
                "--logging.level.root=WARN");
    say("STARTED");
    Path seedFile = Path.of(plan.getProperty("seedFile"));
    if (Boolean.parseBoolean(plan.getProperty("seed", "false"))) {
      CrashSeed.plant(app, seedFile, Integer.parseInt(plan.getProperty("pairCount", "9")));
    }
    CrashInvariants.Seed seed = CrashSeed.read(seedFile);
    plan.setProperty(
        "pairs",
        seed.pairs().stream().map(p -> p[0] + ":" + p[1]).collect(Collectors.joining(",")));
    plan.setProperty(
        "movers", seed.movers().stream().map(String::valueOf).collect(Collectors.joining(",")));
    String round = plan.getProperty("round");
    Thread importer = start(() -> guarded("import", () -> importFile(app)));
    Thread merger = start(() -> guarded("merge", () -> merge(app, round)));
    Thread mover = start(() -> guarded("move", () -> move(app, round)));
    say("RUNNING");
    importer.join();
    merger.join();
    mover.join();
    say("IDLE");
    Thread.sleep(Long.MAX_VALUE);
  }

  private static Thread start(Runnable r) {
    Thread t = new Thread(r);
    t.start();
    return t;
  }

  private static void importFile(ConfigurableApplicationContext app) throws Exception {
    ImportJobs jobs = app.getBean(ImportJobs.class);
    Path file = Path.of(plan.getProperty("import"));
    ImportJobs.Status s;
    try (InputStream in = Files.newInputStream(file)) {
      s =
          jobs.start(
              new ImportJobs.Request(
                  "persons", "email", false, Map.of(), file.getFileName().toString()),
              in);
    }
    say("IMPORT " + s.id());
    while (!s.isFinished()) {
      Thread.sleep(20);
      s = jobs.status(s.id());
    }
    say("DONE import " + s.id() + " " + s.status() + " processed=" + s.processed());
  }

  private static void merge(ConfigurableApplicationContext app, String round) {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    for (String pair : plan.getProperty("pairs").split(",")) {
      String[] sm = pair.split(":");
      long survivor = Long.parseLong(sm[0]);
      long merged = Long.parseLong(sm[1]);
      boolean done =
          jdbc.sql("select merged_into is not null from person where id = :m")
              .param("m", merged)
              .query(Boolean.class)
              .single();
      if (!done) {
        MergeDriver.merge(app, survivor, merged, "crash " + round + " " + pair);
        say("DONE merge " + pair);
      }
    }
  }

  private static void move(ConfigurableApplicationContext app, String round) {
    Lifecycle lifecycle = app.getBean(Lifecycle.class);
    List<Stage> stages = lifecycle.activeModel().stages();
    long line = lifecycle.productLines().get(0).id();
    List<Long> movers =
        Arrays.stream(plan.getProperty("movers").split(",")).map(Long::valueOf).toList();
    int limit = Integer.parseInt(plan.getProperty("moves", "400"));
    for (int n = 0; n < limit; n++) {
      PersonId person = new PersonId(movers.get(n % movers.size()));
      long current =
          lifecycle.currentStages(person).stream()
              .filter(c -> c.productLine().id() == line)
              .map(CurrentStage::stage)
              .map(Stage::id)
              .findFirst()
              .orElse(-1L);
      Stage next = stages.get(0);
      for (int i = 0; i < stages.size(); i++) {
        if (stages.get(i).id() == current) {
          next = stages.get((i + 1) % stages.size());
        }
      }
      String why = "crash " + round + " n" + n;
      lifecycle.move(person, line, next.id(), ChangedBy.rule(MOVER), why);
      say("DONE move " + why);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private static void guarded(String name, Work work) {
    try {
      work.run();
    } catch (Throwable e) {
      say("FAILED " + name + " " + e);
      e.printStackTrace(System.out);
    }
  }

  static synchronized void say(String line) {
    System.out.println("CRASH " + line);
    System.out.flush();
  }

  /** Stops an operation at the plan's pause point, in its transaction or right after its commit. */
  static final class Pauses {

    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger merges = new AtomicInteger();
    private final AtomicInteger moves = new AtomicInteger();

    @EventListener
    void on(PersonCreated event) {
      if (event.origin() == PersonCreated.Origin.IMPORT
          && created.incrementAndGet() == at("importPauseAt")) {
        pause("import person " + event.person().value());
      }
    }

    @EventListener
    void on(PersonsMerged event) {
      if (merges.incrementAndGet() == at("mergePauseAt")) {
        pause("merge " + event.survivor().value() + ":" + event.merged().value());
      }
    }

    @EventListener
    void on(StageChanged event) {
      if (event.by().name().equals(MOVER) && moves.incrementAndGet() == at("movePauseAt")) {
        pause("move " + event.why());
      }
    }

    private static int at(String key) {
      return Integer.parseInt(plan.getProperty(key, "-1"));
    }

    private static void pause(String what) {
      String point = plan.getProperty("pause");
      if (point.equals("inside")) {
        // the last moment before the commit: everything of the operation is written
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void beforeCommit(boolean readOnly) {
                hold("inside " + what);
              }
            });
      } else if (point.equals("after-commit")) {
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void afterCommit() {
                hold("after-commit " + what);
              }
            });
      }
    }

    private static void hold(String what) {
      say("PAUSED " + what);
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
