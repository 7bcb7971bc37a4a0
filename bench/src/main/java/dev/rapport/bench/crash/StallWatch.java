package dev.rapport.bench.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The crash test's guard against hanging: it fails the run, with a thread dump of the application,
 * when no post was stored for the stall limit or the whole run overran its deadline.
 */
final class StallWatch {

  /** The run stopped storing posts for longer than the stall limit, or overran its deadline. */
  static final class Stalled extends Exception {
    Stalled(String message) {
      super(message);
    }
  }

  private final Duration stallLimit;
  private final long deadlineNanos;
  private Path dumpFile;
  private long lastProgress = -1;
  private long lastProgressAt = System.nanoTime();

  StallWatch(Duration stallLimit, Duration deadline) {
    this.stallLimit = stallLimit;
    this.deadlineNanos = System.nanoTime() + deadline.toNanos();
  }

  void dumpTo(Path file) {
    this.dumpFile = file;
  }

  /** The stored count seen now; a change is progress. */
  void saw(long stored) {
    if (stored != lastProgress) {
      lastProgress = stored;
      lastProgressAt = System.nanoTime();
    }
  }

  /** The application answers again after a restart: the stall clock starts afresh. */
  void restarted() {
    lastProgressAt = System.nanoTime();
  }

  /** Throws {@link Stalled}, naming {@code state} and where the thread dump went, when stalled. */
  void check(Callable<String> state, Process app, Path dir) throws Exception {
    long now = System.nanoTime();
    boolean stalled = now - lastProgressAt > stallLimit.toNanos();
    if (!stalled && now < deadlineNanos) {
      return;
    }
    String where = threadDump(app, dumpFile != null ? dumpFile : dir.resolve("stall-threads.txt"));
    throw new Stalled(
        (stalled
                ? "no post stored for %d s".formatted(stallLimit.toSeconds())
                : "the run overran its deadline")
            + " at stored=%d %s; application threads: %s"
                .formatted(lastProgress, state.call(), where));
  }

  /** jcmd Thread.print of the running application into {@code to}; where it went. */
  private static String threadDump(Process app, Path to) {
    if (app == null || !app.isAlive()) {
      return "(application not running)";
    }
    try {
      Files.createDirectories(to.toAbsolutePath().getParent());
      String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
      new ProcessBuilder(jcmd, Long.toString(app.pid()), "Thread.print")
          .redirectErrorStream(true)
          .redirectOutput(to.toFile())
          .start()
          .waitFor(60, TimeUnit.SECONDS);
      return to.toString();
    } catch (Exception e) {
      return "(thread dump failed: " + e + ")";
    }
  }
}
