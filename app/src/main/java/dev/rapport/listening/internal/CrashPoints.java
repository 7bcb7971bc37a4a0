package dev.rapport.listening.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Fault injection for the tests that kill a source's run between fetch and store, and after store
 * before the cursor is saved. Nothing is ever armed outside tests; an armed point throws once.
 */
@Component
class CrashPoints {

  /** Where a run can be made to crash. */
  enum Point {
    /** A batch was fetched and is about to be handed to ingest. */
    BEFORE_STORE,
    /** A batch was stored and its cursor is about to be saved. */
    BEFORE_CURSOR
  }

  /** Thrown at an armed point, as a crash of the process would stop the run there. */
  static final class Crash extends RuntimeException {
    Crash(Point point) {
      super("simulated crash " + point);
    }
  }

  private final Map<String, Point> armed = new ConcurrentHashMap<>();
  private final Map<String, Point> fired = new ConcurrentHashMap<>();

  /** The next time the source with this name reaches the point, its run crashes there. */
  void arm(String sourceName, Point point) {
    armed.put(sourceName, point);
  }

  /** Where the source's armed crash happened, or null while it has not. */
  Point fired(String sourceName) {
    return fired.get(sourceName);
  }

  void at(String sourceName, Point point) {
    if (!armed.isEmpty() && armed.remove(sourceName, point)) {
      fired.put(sourceName, point);
      throw new Crash(point);
    }
  }
}
