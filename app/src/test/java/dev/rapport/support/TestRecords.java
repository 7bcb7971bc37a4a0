package dev.rapport.support;

import dev.rapport.access.Role;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Real persons and accounts, visible to every role under the default visibility, for tests of the
 * features that hang data on them: their routes answer 404 for a record that does not exist.
 */
@Component
public class TestRecords {

  private final JdbcClient jdbc;
  private final AccessFixtures access;
  private String adminToken;

  TestRecords(JdbcClient jdbc, AccessFixtures access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  /**
   * A new person nobody owns, written straight to the table: no PersonCreated, so the lifecycle's
   * entry rule gives them no stage and their timeline starts empty, as the tests that use them
   * expect.
   */
  public PersonId person() {
    long id = jdbc.sql("select nextval('person_id_seq')").query(Long.class).single();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            "insert into person (id, first_name, last_name, full_name, name_key, may_contact,"
                + " created_at, updated_at) values (:id, 'Test', 'Person', 'Test Person',"
                + " 'test person', false, :now, :now)")
        .param("id", id)
        .param("now", now)
        .update();
    return new PersonId(id);
  }

  /** A new account, owned by a test admin (visible to all while accounts are visible to all). */
  public AccountId account() {
    try {
      String body =
          access
              .mvc()
              .perform(
                  MockMvcRequestBuilders.post("/api/v1/accounts")
                      .with(AccessFixtures.bearer(adminToken()))
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{\"name\":\"Test Co " + UUID.randomUUID() + "\"}"))
              .andReturn()
              .getResponse()
              .getContentAsString();
      return new AccountId(Long.parseLong(body.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1")));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = access.token(access.user(Role.ADMIN));
    }
    return adminToken;
  }
}
