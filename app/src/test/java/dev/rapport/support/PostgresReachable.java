package dev.rapport.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the postgres run, makes sure the test database exists. If PostgreSQL cannot be reached the
 * test fails when CI=true (or rapport.test.require-postgres=true) and is skipped, loudly,
 * otherwise.
 */
public class PostgresReachable implements ExecutionCondition {

  private static volatile Boolean reachable;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!"postgres".equals(System.getProperty("rapport.test.db"))) {
      return ConditionEvaluationResult.enabled("running on H2");
    }
    if (reachable == null) {
      reachable = ensureDatabase();
    }
    if (reachable) {
      return ConditionEvaluationResult.enabled("PostgreSQL reachable");
    }
    String where = host() + ":" + port();
    if (required()) {
      throw new IllegalStateException(
          "PostgreSQL is required (CI=true) but cannot be reached at "
              + where
              + "; start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
    }
    System.err.println(
        "WARNING: PostgreSQL not reachable at " + where + "; skipping PostgreSQL run");
    return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + where);
  }

  private static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || Boolean.getBoolean("rapport.test.require-postgres");
  }

  private static boolean ensureDatabase() {
    String db = env("RAPPORT_TEST_PG_DB", "rapport_test");
    if (!db.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "RAPPORT_TEST_PG_DB must be a plain lower-case name: " + db);
    }
    String url = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
    try (Connection c =
            DriverManager.getConnection(
                url, env("RAPPORT_TEST_PG_USER", "postgres"), env("RAPPORT_TEST_PG_PASSWORD", ""));
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("select 1 from pg_database where datname = '" + db + "'");
      if (!rs.next()) {
        s.execute("create database " + db);
      }
      return true;
    } catch (SQLException e) {
      System.err.println("PostgreSQL check failed: " + e.getMessage());
      return false;
    }
  }

  private static String host() {
    return env("RAPPORT_TEST_PG_HOST", "127.0.0.1");
  }

  private static String port() {
    return env("RAPPORT_TEST_PG_PORT", "5432");
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
