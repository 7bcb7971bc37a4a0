package dev.rapport.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies and failures per route; the table quotes each route against the baseline route. */
final class Recorder {

  static final String BASELINE = "GET /css/rapport.css (baseline: static file)";

  private static final class Route {
    final List<Long> micros = new ArrayList<>();
    final AtomicLong errors = new AtomicLong();
    final Map<String, AtomicLong> why = new ConcurrentHashMap<>();
  }

  private final Map<String, Route> routes = new ConcurrentSkipListMap<>();

  void ok(String route, long nanos) {
    Route r = routes.computeIfAbsent(route, k -> new Route());
    synchronized (r) {
      r.micros.add(nanos / 1000);
    }
  }

  void failed(String route, long nanos, String reason) {
    Route r = routes.computeIfAbsent(route, k -> new Route());
    synchronized (r) {
      r.micros.add(nanos / 1000);
    }
    r.errors.incrementAndGet();
    r.why.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
  }

  long errors() {
    return routes.values().stream().mapToLong(r -> r.errors.get()).sum();
  }

  long requests() {
    return routes.values().stream().mapToLong(r -> r.micros.size()).sum();
  }

  List<String> table() {
    List<String> out = new ArrayList<>();
    long[] base = percentiles(routes.get(BASELINE));
    out.add(
        "%-58s %8s %6s %9s %9s %9s %21s"
            .formatted(
                "route", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "p50/p95/p99 ÷ base"));
    for (Map.Entry<String, Route> e : routes.entrySet()) {
      long[] p = percentiles(e.getValue());
      String ratio =
          base == null || e.getKey().equals(BASELINE)
              ? "1.0 / 1.0 / 1.0"
              : "%.1f / %.1f / %.1f"
                  .formatted(ratio(p[0], base[0]), ratio(p[1], base[1]), ratio(p[2], base[2]));
      out.add(
          "%-58s %8d %6d %9.1f %9.1f %9.1f %21s"
              .formatted(
                  e.getKey(),
                  e.getValue().micros.size(),
                  e.getValue().errors.get(),
                  p[0] / 1000.0,
                  p[1] / 1000.0,
                  p[2] / 1000.0,
                  ratio));
      e.getValue().why.forEach((why, n) -> out.add("    failed %d x: %s".formatted(n.get(), why)));
    }
    return out;
  }

  String verdict() {
    long errors = errors();
    return "requests=%d errors=%d zero_errors=%s".formatted(requests(), errors, errors == 0);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static long[] percentiles(Route r) {
    if (r == null) {
      return null;
    }
    long[] v;
    synchronized (r) {
      v = r.micros.stream().mapToLong(Long::longValue).toArray();
    }
    if (v.length == 0) {
      return new long[] {0, 0, 0};
    }
    Arrays.sort(v);
    return new long[] {at(v, 0.50), at(v, 0.95), at(v, 0.99)};
  }

  private static long at(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
