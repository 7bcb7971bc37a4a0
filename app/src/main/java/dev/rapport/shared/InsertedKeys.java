package dev.rapport.shared;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The ids of the rows a JDBC batch of "insert … on conflict do nothing" actually inserted, in input
 * order: null for a row that conflicted. H2 and PostgreSQL report a count per row and a generated
 * key per new row; a driver that does not is refused rather than guessed at.
 */
public final class InsertedKeys {

  private InsertedKeys() {}

  public static Long[] of(int[] counts, KeyHolder keys) {
    List<Map<String, Object>> generated = keys.getKeyList();
    int inserted = 0;
    for (int n : counts) {
      if (n < 0) {
        throw new IllegalStateException("the database reported no count per inserted row");
      }
      inserted += n;
    }
    if (inserted != generated.size()) {
      throw new IllegalStateException(
          "the database returned " + generated.size() + " keys for " + inserted + " new rows");
    }
    Long[] ids = new Long[counts.length];
    int next = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        ids[i] = ((Number) generated.get(next++).values().iterator().next()).longValue();
      }
    }
    return ids;
  }
}
