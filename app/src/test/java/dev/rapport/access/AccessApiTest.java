package dev.rapport.access;

import static dev.rapport.support.AccessFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.tokens.ApiTokens;
import dev.rapport.access.tokens.TokenScope;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@PersistenceTest
class AccessApiTest {

  @Autowired AccessFixtures access;
  @Autowired JdbcClient jdbc;

  private MockMvc mvc() {
    return access.mvc();
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
    return b.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void anAdminCreatesAUserWhosePasswordIsStoredOnlyAsAnAdaptiveHashAndAudited() throws Exception {
    String admin = access.token(access.user(Role.ADMIN));
    String name = "ana-" + System.nanoTime();
    mvc()
        .perform(
            json(
                    post("/api/v1/users"),
                    """
                    {"username":"%s","displayName":"Ana Lima","password":"correct horse battery",
                     "roles":["sales","Support"]}"""
                        .formatted(name))
                .with(bearer(admin)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", startsWith("/api/v1/users/")))
        .andExpect(jsonPath("$.username").value(name))
        .andExpect(jsonPath("$.roles", contains("sales", "support")))
        .andExpect(jsonPath("$.password").doesNotExist());
    String hash =
        jdbc.sql("select password_hash from app_user where username = :u")
            .param("u", name)
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("correct horse");
    String audited =
        jdbc.sql(
                "select new_value from audit_log where object_type = 'user' and action = 'CREATE'"
                    + " and new_value like :n")
            .param("n", "%\"" + name + "\"%")
            .query(String.class)
            .single();
    assertThat(audited).contains("Ana Lima").doesNotContain("correct horse").doesNotContain("$2");
    mvc()
        .perform(get("/api/v1/me").with(httpBasic(name, "correct horse battery")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(name))
        .andExpect(jsonPath("$.permissions", hasItem("people_write")));
  }

  @Test
  void badUserInputIsAProblemNamingEachField() throws Exception {
    String admin = access.token(access.user(Role.ADMIN));
    TestUser taken = access.user(Role.VIEWER);
    mvc()
        .perform(
            json(
                    post("/api/v1/users"),
                    """
                    {"username":"%s","displayName":"","password":"short",
                     "roles":["boss"],"teamIds":[987654321]}"""
                        .formatted(taken.username()))
                .with(bearer(admin)))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
        .andExpect(
            jsonPath("$.errors[?(@.field=='username')].reason")
                .value(hasItem(containsString("already taken"))))
        .andExpect(
            jsonPath("$.errors[?(@.field=='password')].reason")
                .value(hasItem(containsString("at least 12"))))
        .andExpect(jsonPath("$.errors[?(@.field=='displayName')]").exists())
        .andExpect(
            jsonPath("$.errors[?(@.field=='roles[0]')].reason")
                .value(hasItem(containsString("unknown role 'boss'"))))
        .andExpect(jsonPath("$.errors[?(@.field=='teamIds[0]')]").exists());
  }

  @Test
  void aReadTokenReadsButCannotWriteAndARevokedTokenIsRefused() throws Exception {
    TestUser maria = access.user(Role.ADMIN);
    String read = access.token(maria, TokenScope.READ);
    mvc().perform(get("/api/v1/me").with(bearer(read))).andExpect(status().isOk());
    mvc()
        .perform(json(post("/api/v1/teams"), "{\"name\":\"Read-only\"}").with(bearer(read)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail", containsString("read_write")));
    String tokens =
        mvc()
            .perform(get("/api/v1/me/tokens").with(bearer(read)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty())
            .andExpect(jsonPath("$[0].hint", startsWith("rpt_")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(tokens).doesNotContain(read);
    String write = access.token(maria);
    long readId =
        jdbc.sql("select id from api_token where token_hash = :h")
            .param("h", ApiTokens.sha256(read))
            .query(Long.class)
            .single();
    mvc()
        .perform(delete("/api/v1/me/tokens/" + readId).with(bearer(write)))
        .andExpect(status().isNoContent());
    mvc()
        .perform(get("/api/v1/me").with(bearer(read)))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
    mvc()
        .perform(get("/api/v1/me").with(bearer("rpt_not-a-real-token")))
        .andExpect(status().isUnauthorized());
    // a Bearer value that is not ours is left to its endpoint and authenticates nobody here
    mvc()
        .perform(get("/api/v1/me").with(bearer("some-webhook-secret")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void anotherUsersTokenCannotBeRevoked() throws Exception {
    TestUser owner = access.user(Role.SALES);
    access.token(owner);
    long tokenId =
        jdbc.sql("select max(id) from api_token where user_id = :u")
            .param("u", owner.id())
            .query(Long.class)
            .single();
    String other = access.token(access.user(Role.SALES));
    mvc()
        .perform(delete("/api/v1/me/tokens/" + tokenId).with(bearer(other)))
        .andExpect(status().isNotFound());
  }

  /** The session as a browser presents it: by its cookie. */
  private static RequestPostProcessor browser(MockHttpSession session) {
    return request -> {
      request.setSession(session);
      request.setRequestedSessionId(session.getId());
      return request;
    };
  }

  @Test
  void theApiNeedsTheCsrfTokenWhenItRidesOnTheBrowserSession() throws Exception {
    TestUser admin = access.user(Role.ADMIN);
    MockHttpSession session =
        (MockHttpSession)
            mvc()
                .perform(formLogin().user(admin.username()).password(admin.password()))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getRequest()
                .getSession();
    mvc()
        .perform(json(post("/api/v1/teams"), "{\"name\":\"No CSRF\"}").with(browser(session)))
        .andExpect(status().isForbidden());
    mvc()
        .perform(
            json(post("/api/v1/teams"), "{\"name\":\"With CSRF " + System.nanoTime() + "\"}")
                .with(browser(session))
                .with(csrf()))
        .andExpect(status().isCreated());
    mvc()
        .perform(
            json(post("/api/v1/teams"), "{\"name\":\"By token " + System.nanoTime() + "\"}")
                .with(browser(session))
                .with(bearer(access.token(admin))))
        .andExpect(status().isCreated());
    MvcResult anonymous =
        mvc()
            .perform(json(post("/api/v1/teams"), "{\"name\":\"Nobody\"}"))
            .andExpect(status().isUnauthorized())
            .andReturn();
    assertThat(anonymous.getRequest().getSession(false)).as("an API 401 opens no session").isNull();
  }

  @Test
  void formSignInWorksForDatabaseUsersAndNotForDisabledOnes() throws Exception {
    TestUser sam = access.user(Role.SUPPORT);
    mvc()
        .perform(formLogin().user(sam.username()).password(sam.password()))
        .andExpect(redirectedUrl("/"));
    mvc()
        .perform(formLogin().user(sam.username()).password("wrong password!!"))
        .andExpect(redirectedUrl("/login?error"));
    String admin = access.token(access.user(Role.ADMIN));
    mvc()
        .perform(
            json(patch("/api/v1/users/" + sam.id()), "{\"enabled\":false}").with(bearer(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(false));
    mvc()
        .perform(formLogin().user(sam.username()).password(sam.password()))
        .andExpect(redirectedUrl("/login?error"));
    mvc().perform(get("/api/v1/me").with(sam.session())).andExpect(status().isUnauthorized());
  }

  @Test
  void aRoleChangeTakesEffectOnTheNextRequest() throws Exception {
    TestUser vic = access.user(Role.VIEWER);
    String vicToken = access.token(vic);
    mvc().perform(get("/api/v1/teams").with(bearer(vicToken))).andExpect(status().isForbidden());
    String admin = access.token(access.user(Role.ADMIN));
    mvc()
        .perform(
            json(patch("/api/v1/users/" + vic.id()), "{\"roles\":[\"admin\"]}").with(bearer(admin)))
        .andExpect(status().isOk());
    mvc().perform(get("/api/v1/teams").with(bearer(vicToken))).andExpect(status().isOk());
    mvc().perform(get("/api/v1/teams").with(vic.session())).andExpect(status().isOk());
  }

  @Test
  void aUserChangesTheirOwnPasswordOnlyKnowingTheCurrentOne() throws Exception {
    TestUser sam = access.user(Role.SUPPORT);
    String token = access.token(sam);
    mvc()
        .perform(
            json(
                    put("/api/v1/me/password"),
                    "{\"currentPassword\":\"guess guess guess\",\"newPassword\":\"x\"}")
                .with(bearer(token)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
        .andExpect(jsonPath("$.errors[1].field").value("newPassword"));
    mvc()
        .perform(
            json(
                    put("/api/v1/me/password"),
                    "{\"currentPassword\":\"%s\",\"newPassword\":\"a brand new passphrase\"}"
                        .formatted(sam.password()))
                .with(bearer(token)))
        .andExpect(status().isNoContent());
    mvc()
        .perform(formLogin().user(sam.username()).password("a brand new passphrase"))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void theConfiguredFirstAdminCanSignIn() throws Exception {
    mvc()
        .perform(get("/api/v1/me").with(httpBasic("admin", "test-admin-password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles", contains("admin")));
  }

  @Test
  void theAuditLogIsFilteredAndPaged() throws Exception {
    String admin = access.token(access.user(Role.ADMIN));
    String teamJson =
        mvc()
            .perform(
                json(post("/api/v1/teams"), "{\"name\":\"Audit " + System.nanoTime() + "\"}")
                    .with(bearer(admin)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = teamJson.replaceAll(".*\"id\":(\\d+).*", "$1");
    mvc()
        .perform(
            json(patch("/api/v1/teams/" + id), "{\"name\":\"Audit renamed " + id + "\"}")
                .with(bearer(admin)))
        .andExpect(status().isOk());
    mvc()
        .perform(
            get("/api/v1/audit")
                .param("objectType", "team")
                .param("objectId", id)
                .param("size", "1")
                .with(bearer(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].action").value("UPDATE"))
        .andExpect(jsonPath("$.items[0].newValue.name").value("Audit renamed " + id))
        .andExpect(jsonPath("$.items[0].oldValue.name", startsWith("Audit ")));
    mvc()
        .perform(get("/api/v1/audit").param("from", "yesterday").with(bearer(admin)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
  }
}
