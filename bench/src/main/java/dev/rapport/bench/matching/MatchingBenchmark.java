package dev.rapport.bench.matching;

import dev.rapport.engine.match.Match;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One operation matches a batch of 100 posts: Rapport's matcher against Lucene Monitor on the same
 * rules and posts (Monitor's faster mode, MultiMatchingQueries over a batch). Run by {@link
 * MatchingBench} in the JVM that built the workload.
 */
public class MatchingBenchmark {

  @State(Scope.Benchmark)
  public static class Engines {
    @Param("100000")
    public int rules;

    Workload workload;

    @Setup(Level.Trial)
    public void setUp() {
      workload = Workload.get(rules);
    }
  }

  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int advance(int size) {
      int i = next;
      next = (next + 1) % size;
      return i;
    }
  }

  @Benchmark
  public List<List<Match>> rapport(Engines engines, Cursor cursor) {
    Workload w = engines.workload;
    return w.matcher.matchAll(w.batches.get(cursor.advance(w.batches.size())));
  }

  @Benchmark
  public MultiMatchingQueries<QueryMatch> luceneMonitor(Engines engines, Cursor cursor)
      throws IOException {
    Workload w = engines.workload;
    return w.monitor.match(
        w.documentBatches.get(cursor.advance(w.documentBatches.size())), QueryMatch.SIMPLE_MATCHER);
  }
}
