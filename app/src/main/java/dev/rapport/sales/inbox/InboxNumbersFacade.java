package dev.rapport.sales.inbox;

import dev.rapport.sales.InboxNumbers;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link InboxNumbers} by two counts over the assignee index. */
@Component
class InboxNumbersFacade implements InboxNumbers {

  private final JdbcClient jdbc;

  InboxNumbersFacade(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Counts forUser(long userId) {
    return jdbc.sql(
            """
            select count(*),
                   coalesce(sum(case when due_at < :now and first_response_at is null
                       then 1 else 0 end), 0)
            from inbox_item
            where assignee_user_id = :u and """
                + InboxItems.WAITING)
        .param("u", userId)
        .param("now", Timestamp.from(Instant.now()))
        .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
        .single();
  }
}
