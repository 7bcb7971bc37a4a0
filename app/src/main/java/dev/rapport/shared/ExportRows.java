package dev.rapport.shared;

import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Database rows made plain for a JSON export: every column kept under its name, times as ISO-8601
 * UTC text and large text as text, the same on H2 and PostgreSQL. For a person's data export, where
 * "every column" is the point (a column added later is exported without a change here).
 */
public final class ExportRows {

  private ExportRows() {}

  public static List<Map<String, Object>> plain(List<Map<String, Object>> rows) {
    return rows.stream().map(ExportRows::plain).toList();
  }

  public static Map<String, Object> plain(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), value(v)));
    return out;
  }

  private static Object value(Object v) {
    if (v instanceof Timestamp t) {
      return iso(t.toInstant());
    }
    if (v instanceof OffsetDateTime o) {
      return iso(o.toInstant());
    }
    if (v instanceof Instant i) {
      return iso(i);
    }
    if (v instanceof Clob c) {
      try {
        return c.getSubString(1, (int) c.length());
      } catch (SQLException e) {
        throw new IllegalStateException("could not read a text column", e);
      }
    }
    return v;
  }

  private static String iso(Instant at) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
  }
}
