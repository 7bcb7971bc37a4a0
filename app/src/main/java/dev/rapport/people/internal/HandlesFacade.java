package dev.rapport.people.internal;

import dev.rapport.people.Handles;
import dev.rapport.people.PersonId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The handle search of the workspace's global search; visibility applies as for the lists. */
@Component
class HandlesFacade implements Handles {

  private final JdbcClient jdbc;
  private final Visible visible;

  HandlesFacade(JdbcClient jdbc, Visible visible) {
    this.jdbc = jdbc;
    this.visible = visible;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Hit> search(String text, int limit) {
    String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (key.startsWith("@")) {
      key = key.substring(1);
    }
    if (key.isEmpty()) {
      return List.of();
    }
    String escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    StringBuilder where =
        new StringBuilder(
            " where p.merged_into is null and (i.handle_key like :any escape '\\'"
                + " or lower(i.display_name) like :any escape '\\')");
    Map<String, Object> params = new HashMap<>();
    params.put("any", "%" + escaped + "%");
    params.put("start", escaped + "%");
    params.put("at", "@" + escaped + "%");
    PersonStore.visibility(where, params, visible.owners(Visible.PERSON), "p");
    return jdbc.sql(
            "select i.person_id, p.full_name, i.network, i.handle, i.profile_url"
                + " from social_identity i join person p on p.id = i.person_id"
                + where
                + " order by case when i.handle_key like :start escape '\\'"
                + " or i.handle_key like :at escape '\\' then 0 else 1 end,"
                + " length(i.handle_key), i.id fetch first "
                + PersonsFacade.clamp(limit)
                + " rows only")
        .params(params)
        .query(
            (rs, n) ->
                new Hit(
                    new PersonId(rs.getLong(1)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }
}
