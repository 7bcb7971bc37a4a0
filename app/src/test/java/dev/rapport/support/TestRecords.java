package dev.rapport.support;

import dev.rapport.access.Role;
import dev.rapport.people.AccountId;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Real persons and accounts, visible to every role under the default visibility, for tests of the
 * features that hang data on them: their routes answer 404 for a record that does not exist.
 */
@Component
public class TestRecords {

  private final SocialIdentities identities;
  private final AccessFixtures access;
  private String adminToken;

  TestRecords(SocialIdentities identities, AccessFixtures access) {
    this.identities = identities;
    this.access = access;
  }

  /** A new person nobody owns. */
  public PersonId person() {
    return identities.resolveAuthor(
        Network.OTHER, "test-" + UUID.randomUUID(), null, "Test Person", null, null);
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
