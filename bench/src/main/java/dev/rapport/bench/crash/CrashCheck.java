package dev.rapport.bench.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The crash test's verdict, read from the database file after the last process stopped. */
final class CrashCheck {

  private CrashCheck() {}

  /** Counts, on the database file with the application stopped, what was stored and how often. */
  static CrashBench.Result check(
      String url, int posts, int kills, Set<String> expected, long id, long start)
      throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement st = c.createStatement()) {
      List<String> stored = new ArrayList<>(posts);
      try (ResultSet rs =
          st.executeQuery(
              "select native_id from listening_mention where network = '"
                  + CrashBench.NETWORK
                  + "'")) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
      Map<String, Integer> seen = new HashMap<>();
      for (String s : stored) {
        seen.merge(s, 1, Integer::sum);
      }
      long duplicates = stored.size() - seen.size();
      long missing = expected.stream().filter(e -> !seen.containsKey(e)).count();
      long unexpected = seen.keySet().stream().filter(s -> !expected.contains(s)).count();
      long total = single(st, "select count(*) from listening_mention");
      long dead = single(st, "select count(*) from listening_dead_letter");
      long postsTotal = total(st, "posts", id);
      long mentionsTotal = total(st, "mentions", id);
      return new CrashBench.Result(
          posts,
          kills,
          total,
          duplicates,
          missing,
          unexpected,
          dead,
          postsTotal,
          mentionsTotal,
          (System.nanoTime() - start) / 1e9);
    }
  }

  private static long total(Statement st, String counter, long id) throws Exception {
    // the folded total plus the batches' counts rows not yet folded in
    return single(
        st,
        "select s.%s_total + coalesce((select sum(c.%s) from listening_source_count c"
                .formatted(counter, counter)
            + " where c.source_id = s.id), 0) from listening_source s where s.id = "
            + id);
  }

  private static long single(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
