package dev.rapport.engine.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A seeded fuzzer for one property: it replays the target's corpus (every file under {@code
 * src/test/resources/fuzz/<target>/}, kept forever), then checks inputs a {@link Mutator} derives
 * from the corpus and a random source. On every test run the seed is fixed and the tries are few;
 * {@code bench/fuzz.sh} sets {@code fuzz.seconds} (a time budget per target, random seeds) and
 * {@code fuzz.record=true}, which writes each new failing input, shrunk, into the corpus folder.
 *
 * <p>System properties: {@code fuzz.seed} (a number, or {@code random}), {@code fuzz.tries} (tries
 * per target, overriding the target's default), {@code fuzz.seconds}, {@code fuzz.record}, {@code
 * fuzz.corpus} (the corpus root, {@code src/test/resources/fuzz} of the module under test).
 */
public final class Fuzz {

  /** What must hold for every input; throws (an AssertionError or anything else) when it fails. */
  @FunctionalInterface
  public interface Property {
    void check(byte[] input) throws Exception;
  }

  /** Derives a new input from a corpus entry, the whole corpus and a random source. */
  @FunctionalInterface
  public interface Mutator {
    byte[] mutate(byte[] seed, List<byte[]> corpus, SplittableRandom random);
  }

  /** What one run did: corpus files replayed, generated inputs checked, the seed used. */
  public record Report(String target, int replayed, int generated, long seed) {}

  private static final int MAX_FAILURES = 5;

  private final String target;
  private final String extension;
  private final Mutator mutator;
  private final int tries;
  private final long slowMillis;

  private Fuzz(String target, String extension, Mutator mutator, int tries, long slowMillis) {
    this.target = target;
    this.extension = extension;
    this.mutator = mutator;
    this.tries = tries;
    this.slowMillis = slowMillis;
  }

  /** A target whose corpus files end in {@code .extension}, fuzzed by the given mutator. */
  public static Fuzz target(String target, String extension, Mutator mutator) {
    return new Fuzz(target, extension, mutator, 500, 5_000);
  }

  /** How many generated inputs a plain test run checks (the corpus is always replayed whole). */
  public Fuzz tries(int tries) {
    return new Fuzz(target, extension, mutator, tries, slowMillis);
  }

  /** An input that takes longer than this to check is a failure too (a hang in the making). */
  public Fuzz slowAfter(long millis) {
    return new Fuzz(target, extension, mutator, tries, millis);
  }

  /** The corpus folder of this target in the module under test. */
  public Path corpusDir() {
    return Path.of(System.getProperty("fuzz.corpus", "src/test/resources/fuzz")).resolve(target);
  }

  /** The corpus: the seed inputs and every failing input ever found, in file-name order. */
  public List<byte[]> corpus() {
    return corpusFiles(corpusDir()).stream().map(Fuzz::read).toList();
  }

  /** Replays the corpus, then fuzzes; fails with every broken input (at most five) named. */
  public Report run(Property property) {
    List<String> failures = new ArrayList<>();
    Throwable firstCause = null;
    Path dir = corpusDir();
    List<Path> files = corpusFiles(dir);
    for (Path file : files) {
      byte[] input = read(file);
      Throwable t = failure(property, input);
      if (t != null) {
        failures.add("corpus file " + file + ": " + t);
        firstCause = firstCause == null ? t : firstCause;
      }
    }
    List<byte[]> corpus = corpus();
    if (corpus.isEmpty()) {
      throw new IllegalStateException("the corpus of " + target + " is empty: add seed inputs");
    }
    long seed = seed();
    SplittableRandom random = new SplittableRandom(seed);
    long seconds = Long.getLong("fuzz.seconds", 0);
    long deadline = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
    int limit = seconds > 0 ? Integer.MAX_VALUE : Integer.getInteger("fuzz.tries", tries);
    int generated = 0;
    while (generated < limit && System.nanoTime() < deadline && failures.size() < MAX_FAILURES) {
      byte[] seedInput = corpus.get(random.nextInt(corpus.size()));
      byte[] input = mutator.mutate(seedInput, corpus, random);
      generated++;
      Throwable t = failure(property, input);
      if (t != null) {
        byte[] small = shrink(property, input, t);
        Path where = keep(small);
        failures.add(
            "try "
                + generated
                + " of seed "
                + seed
                + " ("
                + small.length
                + " bytes, kept in "
                + where
                + "): "
                + t);
        firstCause = firstCause == null ? t : firstCause;
      }
    }
    if (!failures.isEmpty()) {
      AssertionError error =
          new AssertionError(
              target
                  + ": "
                  + failures.size()
                  + " failing input(s)\n"
                  + String.join("\n", failures));
      error.initCause(firstCause);
      throw error;
    }
    return new Report(target, corpus.size(), generated, seed);
  }

  private long seed() {
    String s = System.getProperty("fuzz.seed", "");
    if (s.equals("random")) {
      return new SplittableRandom().nextLong();
    }
    return s.isEmpty() ? target.hashCode() : Long.parseLong(s);
  }

  private Throwable failure(Property property, byte[] input) {
    long start = System.nanoTime();
    try {
      property.check(input);
    } catch (Throwable t) { // every kind of failure, StackOverflowError included, is a finding
      if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
        throw (VirtualMachineError) t;
      }
      return t;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return millis > slowMillis
        ? new AssertionError("took " + millis + " ms, more than " + slowMillis)
        : null;
  }

  /** Cuts pieces out of a failing input while it keeps failing with the same kind of error. */
  private byte[] shrink(Property property, byte[] input, Throwable original) {
    if (original.getMessage() != null && original.getMessage().startsWith("took ")) {
      return input; // a slow input is slow because of its size; keep it whole
    }
    byte[] best = input;
    int attempts = 0;
    for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && attempts < 400; chunk /= 2) {
      for (int at = 0; at + chunk <= best.length && attempts < 400; ) {
        byte[] candidate = new byte[best.length - chunk];
        System.arraycopy(best, 0, candidate, 0, at);
        System.arraycopy(best, at + chunk, candidate, at, best.length - at - chunk);
        attempts++;
        Throwable t = failure(property, candidate);
        if (t != null && t.getClass() == original.getClass()) {
          best = candidate;
        } else {
          at += chunk;
        }
      }
    }
    return best;
  }

  /** Writes a failing input: into the corpus when recording, under target/ otherwise. */
  private Path keep(byte[] input) {
    Path dir =
        Boolean.getBoolean("fuzz.record")
            ? corpusDir()
            : Path.of("target", "fuzz-failures").resolve(target);
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("found-" + hash(input) + "." + extension);
      Files.write(file, input);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> corpusFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("no corpus folder " + dir.toAbsolutePath());
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(byte[] input) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(input);
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
