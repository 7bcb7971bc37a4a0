package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each user's saved mention filters: a name for a filter's query string. */
@Component
class SavedFilterStore {

  static final int MAX_PER_USER = 50;

  /** A saved filter; {@code query} is what follows '?' on the mentions page. */
  record SavedFilter(long id, String name, String query) {}

  private final JdbcClient jdbc;

  SavedFilterStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<SavedFilter> of(Long userId) {
    if (userId == null) {
      return List.of();
    }
    return jdbc.sql(
            "select id, name, query from listening_saved_filter where user_id = :u order by name")
        .param("u", userId)
        .query((rs, n) -> new SavedFilter(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** Saves the filter under the name, validated; a user without an id (a token) cannot save. */
  SavedFilter save(Long userId, String rawName, MentionFilter filter) {
    String name = rawName == null ? "" : rawName.strip();
    if (userId == null) {
      throw InvalidInputException.of("name", "only a signed-in user can save filters");
    }
    if (name.isEmpty() || name.length() > 80) {
      throw InvalidInputException.of("name", "give the filter a name of 1 to 80 characters");
    }
    if (filter.isEmpty()) {
      throw InvalidInputException.of("name", "choose at least one filter before saving");
    }
    if (of(userId).size() >= MAX_PER_USER) {
      throw InvalidInputException.of(
          "name", "at most " + MAX_PER_USER + " saved filters; delete one first");
    }
    try {
      jdbc.sql(
              "insert into listening_saved_filter (user_id, name, query, created_at)"
                  + " values (:u, :n, :q, :at)")
          .param("u", userId)
          .param("n", name)
          .param("q", filter.query())
          .param("at", Timestamp.from(Instant.now()))
          .update();
    } catch (DuplicateKeyException e) {
      throw InvalidInputException.of("name", "you already have a filter named '" + name + "'");
    }
    return of(userId).stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  /** Renames the user's own filter; another user's filter is not found. */
  SavedFilter rename(Long userId, long id, String rawName) {
    String name = rawName == null ? "" : rawName.strip();
    if (name.isEmpty() || name.length() > 80) {
      throw InvalidInputException.of("name", "give the filter a name of 1 to 80 characters");
    }
    int n;
    try {
      n =
          jdbc.sql("update listening_saved_filter set name = :n where id = :id and user_id = :u")
              .param("n", name)
              .param("id", id)
              .param("u", userId)
              .update();
    } catch (DuplicateKeyException e) {
      throw InvalidInputException.of("name", "you already have a filter named '" + name + "'");
    }
    if (n == 0) {
      throw new NotFoundException("saved filter", id);
    }
    return of(userId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
  }

  void delete(Long userId, long id) {
    int n =
        jdbc.sql("delete from listening_saved_filter where id = :id and user_id = :u")
            .param("id", id)
            .param("u", userId)
            .update();
    if (n == 0) {
      throw new NotFoundException("saved filter", id);
    }
  }
}
