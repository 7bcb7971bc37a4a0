package dev.rapport.people.internal;

import dev.rapport.people.PeopleNumbers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The counts the workspace's home page shows; visibility applies as for the lists. */
@Component
class PeopleNumbersFacade implements PeopleNumbers {

  private final JdbcClient jdbc;
  private final Visible visible;

  PeopleNumbersFacade(JdbcClient jdbc, Visible visible) {
    this.jdbc = jdbc;
    this.visible = visible;
  }

  @Override
  @Transactional(readOnly = true)
  public long persons(Instant since) {
    StringBuilder where = new StringBuilder(" where p.merged_into is null");
    Map<String, Object> params = new HashMap<>();
    if (since != null) {
      where.append(" and p.created_at >= :since");
      params.put("since", Timestamp.from(since));
    }
    PersonStore.visibility(where, params, visible.owners(Visible.PERSON), "p");
    return jdbc.sql("select count(*) from person p" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  @Override
  @Transactional(readOnly = true)
  public long accounts() {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    PersonStore.visibility(where, params, visible.owners(Visible.ACCOUNT), "a");
    return jdbc.sql("select count(*) from account a" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<LastImport> lastImport() {
    return jdbc.sql(
            "select id, file_name, status, total_rows, rejected from import_job"
                + " order by started_at desc fetch first 1 rows only")
        .query(
            (rs, n) ->
                new LastImport(
                    rs.getString("id"),
                    rs.getString("file_name"),
                    rs.getString("status"),
                    rs.getInt("total_rows"),
                    rs.getInt("rejected")))
        .optional();
  }
}
