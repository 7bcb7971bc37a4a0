package dev.rapport.people.internal;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.NotFoundException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers {@link RecordAccess} from a record's owner and access's visibility settings. */
@Component
class RecordAccessFacade implements RecordAccess {

  private final JdbcClient jdbc;
  private final Visible visible;

  RecordAccessFacade(JdbcClient jdbc, Visible visible) {
    this.jdbc = jdbc;
    this.visible = visible;
  }

  @Override
  @Transactional(readOnly = true)
  public void requireVisiblePerson(PersonId person) {
    require(Visible.PERSON, "person", person.value());
  }

  @Override
  @Transactional(readOnly = true)
  public void requireVisibleAccount(AccountId account) {
    require(Visible.ACCOUNT, "account", account.value());
  }

  private void require(String objectType, String table, long id) {
    // a missing row and a hidden one give the same answer
    Optional<Owner> owner =
        jdbc.sql("select owner_user_id from " + table + " where id = :id")
            .param("id", id)
            .query((rs, n) -> new Owner(rs.getObject(1) == null ? null : rs.getLong(1)))
            .optional();
    if (owner.isEmpty() || !visible.canSee(objectType, owner.get().userId())) {
      throw new NotFoundException(table, id);
    }
  }

  private record Owner(Long userId) {}
}
