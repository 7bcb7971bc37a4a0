package dev.rapport.listening.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V67_3: fills the reading columns of V67_2 from every stored mention's readings JSON
 * (the same reading {@link ReadingColumns} does for new mentions). Spring Boot hands JavaMigration
 * beans to Flyway; it runs once, in its migration's transaction, in batches of a thousand rows.
 */
@Component
class MentionReadingsBackfill implements JavaMigration {

  private static final int BATCH = 1000;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("67.3");
  }

  @Override
  public String getDescription() {
    return "mention readings backfill";
  }

  @Override
  public Integer getChecksum() {
    return 67_3_1;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    long after = 0;
    while (true) {
      List<Long> ids = new ArrayList<>();
      List<ReadingColumns> read = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, readings from listening_mention where id > ? order by id"
                  + " fetch first "
                  + BATCH
                  + " rows only")) {
        ps.setLong(1, after);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            read.add(ReadingColumns.of(rs.getString(2)));
          }
        }
      }
      if (ids.isEmpty()) {
        return;
      }
      try (PreparedStatement update =
              c.prepareStatement(
                  "update listening_mention set sentiment_label = ?, sentiment_score = ?"
                      + " where id = ?");
          PreparedStatement signal =
              c.prepareStatement(
                  "insert into listening_mention_signal (mention_id, kind, signal)"
                      + " values (?, ?, ?)")) {
        for (int i = 0; i < ids.size(); i++) {
          long id = ids.get(i);
          ReadingColumns r = read.get(i);
          update.setString(1, r.label());
          update.setObject(2, r.score());
          update.setLong(3, id);
          update.addBatch();
          for (String v : r.intents()) {
            add(signal, id, "intent", v);
          }
          for (String v : r.events()) {
            add(signal, id, "event", v);
          }
        }
        update.executeBatch();
        signal.executeBatch();
      }
      after = ids.get(ids.size() - 1);
    }
  }

  private static void add(PreparedStatement ps, long id, String kind, String value)
      throws java.sql.SQLException {
    ps.setLong(1, id);
    ps.setString(2, kind);
    ps.setString(3, value);
    ps.addBatch();
  }
}
