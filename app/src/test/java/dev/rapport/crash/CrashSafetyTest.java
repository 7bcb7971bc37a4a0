package dev.rapport.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.RapportApplication;
import dev.rapport.people.internal.ImportJobs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SIGKILL during a CSV import, a person merge and a stage move, for real: the application runs in a
 * child JVM ({@link CrashChild}) on an H2 file database and is killed with {@code
 * Process.destroyForcibly()} three times: once with each operation held at the last moment before
 * its commit, once with each held right after its commit, once wherever they happen to be. Then the
 * application starts again on the file and the test checks that nothing acknowledged was lost,
 * nothing was doubled and no record is half-written ({@link CrashInvariants}).
 */
class CrashSafetyTest {

  static final int ROWS = 1200;

  @Test
  void sigkillDuringImportMergeAndStageMoveLosesNothingDoublesNothingHalfWritesNothing(
      @TempDir Path dir) throws Exception {
    String url =
        "jdbc:h2:file:"
            + dir.resolve("db/rapport").toAbsolutePath()
            // as the embedded default in application.properties: WRITE_DELAY=0 writes each commit
            // to the file before it returns, so a killed process loses no acknowledged write
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    // more kills at random points: bench/crash-ops.sh sets this; the test suite runs none
    int free = Integer.getInteger("rapport.crash.free-rounds", 0);
    Path seedFile = dir.resolve("seed.properties");
    List<CrashRound> rounds = new ArrayList<>();
    rounds.add(
        CrashRound.run(
            dir,
            url,
            "r1",
            "inside",
            seedFile,
            Map.of(
                "importPauseAt",
                "1001",
                "seed",
                "true",
                "pairCount",
                String.valueOf(6 + 3 * free))));
    rounds.add(
        CrashRound.run(dir, url, "r2", "after-commit", seedFile, Map.of("importPauseAt", "1")));
    for (int i = 1; i <= free; i++) {
      rounds.add(CrashRound.run(dir, url, "f" + i, "none", seedFile, Map.of()));
    }
    CrashInvariants.Seed seed = CrashSeed.read(seedFile);

    List<String> report = new ArrayList<>();
    for (CrashRound r : rounds) {
      report.add(
          "%s (%s): killed with SIGKILL, exit code 137; %s"
              .formatted(r.name(), r.pause(), String.join("; ", r.lines("PAUSED "))));
    }
    CrashInvariants check = null;
    try (ConfigurableApplicationContext app = start(url)) {
      check = new CrashInvariants(app, seed);
      check.eventsDelivered();
      check.imports(rounds, ROWS);
      check.merges(rounds);
      check.moves(rounds);
      check.importsFinishOnASecondRun(rounds, ROWS);
      report.addAll(check.report);
      report.add("rounds=%d kills=%d invariants_hold=true".formatted(rounds.size(), rounds.size()));
    } catch (AssertionError | RuntimeException e) {
      if (check != null) {
        report.addAll(check.report);
      }
      report.add("FAILED: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
      report.add(
          "rounds=%d kills=%d invariants_hold=false".formatted(rounds.size(), rounds.size()));
      throw e;
    } finally {
      writeReport(report);
    }
  }

  /** For bench/crash-ops.sh: the run's account, when rapport.crash.report names a file. */
  private static void writeReport(List<String> report) throws IOException {
    String file = System.getProperty("rapport.crash.report");
    if (file == null || file.isBlank()) {
      return;
    }
    List<String> out = new ArrayList<>();
    out.add(
        "Crash test of imports, merges and stage moves (CrashSafetyTest): the application in a"
            + " child JVM on an H2 file database, killed with SIGKILL once with each operation"
            + " held before its commit, once right after it, and %d times at random points;"
                .formatted(Integer.getInteger("rapport.crash.free-rounds", 0))
            + " checked after a restart. Load at the end: "
            + loadAverage());
    out.addAll(report);
    Path p = Path.of(file);
    Files.createDirectories(p.toAbsolutePath().getParent());
    Files.write(p, out, StandardCharsets.UTF_8);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(RapportApplication.class)
        .run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=sa",
            "--spring.datasource.password=",
            "--server.port=0",
            "--rapport.demo=false",
            "--logging.level.root=WARN");
  }

  /** One child JVM: started, run to its pause points (or for a while), killed with SIGKILL. */
  record CrashRound(String name, String pause, List<String> log, Path csv) {

    static CrashRound run(
        Path dir, String url, String name, String pause, Path seedFile, Map<String, String> extra)
        throws Exception {
      Path csv = dir.resolve(name + ".csv");
      writeCsv(csv, name, ROWS);
      Properties plan = new Properties();
      plan.setProperty("db", url);
      plan.setProperty("round", name);
      plan.setProperty("pause", pause);
      plan.setProperty("import", csv.toString());
      plan.setProperty("seedFile", seedFile.toString());
      plan.setProperty("mergePauseAt", "3");
      plan.setProperty("movePauseAt", "5");
      plan.putAll(extra);
      Path planFile = dir.resolve(name + ".properties");
      try (var w = Files.newBufferedWriter(planFile)) {
        plan.store(w, null);
      }
      Path out = dir.resolve(name + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child =
          new ProcessBuilder(
                  java,
                  "-Xmx384m",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashChild.class.getName(),
                  planFile.toString())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      try {
        awaitKillPoint(child, out, pause);
        if (pause.equals("none")) {
          // somewhere in the first seconds of the three operations running side by side
          Thread.sleep(200 + new Random().nextInt(3000));
        }
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child died").isTrue();
        // 137 = 128 + 9: killed by SIGKILL, no shutdown hook ran
        assertThat(child.exitValue()).as("exit code of %s", name).isEqualTo(137);
      } finally {
        child.destroyForcibly();
      }
      List<String> log =
          Files.readAllLines(out, StandardCharsets.UTF_8).stream()
              .filter(l -> l.startsWith("CRASH "))
              .map(l -> l.substring(6))
              .toList();
      assertThat(log).as("%s: no operation failed", name).noneMatch(l -> l.startsWith("FAILED"));
      return new CrashRound(name, pause, log, csv);
    }

    /** Until all three operations are paused, or (no pause) have each done some work. */
    private static void awaitKillPoint(Process child, Path out, String pause) throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline) {
        if (!child.isAlive()) {
          throw new AssertionError("the child exited early:\n" + tail(out));
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (lines.stream().anyMatch(l -> l.startsWith("CRASH FAILED"))) {
          throw new AssertionError("an operation failed in the child:\n" + tail(out));
        }
        boolean ready =
            pause.equals("none")
                ? count(lines, "CRASH RUNNING") == 1
                : count(lines, "CRASH PAUSED") == 3;
        if (ready) {
          return;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("the child did not reach its kill point in 120 s:\n" + tail(out));
    }

    private static long count(List<String> lines, String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }

    private static String tail(Path out) throws IOException {
      List<String> l = Files.readAllLines(out, StandardCharsets.UTF_8);
      return String.join("\n", l.subList(Math.max(0, l.size() - 60), l.size()));
    }

    List<String> lines(String prefix) {
      return log.stream()
          .filter(l -> l.startsWith(prefix))
          .map(l -> l.substring(prefix.length()))
          .toList();
    }
  }

  static String email(String round, int row) {
    return "crash-%s-%05d@import.example".formatted(round, row);
  }

  private static void writeCsv(Path csv, String round, int rows) throws IOException {
    StringBuilder b = new StringBuilder("first_name,last_name,email,phone,tags\n");
    for (int i = 1; i <= rows; i++) {
      b.append("Row")
          .append(',')
          .append("Imported ")
          .append(round)
          .append(' ')
          .append(i)
          .append(',')
          .append(email(round, i))
          .append(",+49 40 ")
          .append(200000 + i)
          .append(",crash\n");
    }
    Files.writeString(csv, b.toString());
  }

  static ImportJobs.Status importAgain(ConfigurableApplicationContext app, Path csv)
      throws Exception {
    ImportJobs jobs = app.getBean(ImportJobs.class);
    ImportJobs.Status s;
    try (InputStream in = Files.newInputStream(csv)) {
      s =
          jobs.start(
              new ImportJobs.Request(
                  "persons", "email", false, Map.of(), csv.getFileName().toString()),
              in);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!s.isFinished() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      s = jobs.status(s.id());
    }
    return s;
  }
}
