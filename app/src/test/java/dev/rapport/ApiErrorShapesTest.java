package dev.rapport;

import static dev.rapport.support.AccessFixtures.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.Role;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every refusal of the API is Problem Details ({@code application/problem+json}) whose {@code
 * errors} name the field: malformed JSON ({@code body}), a wrong type (its JSON path), an unknown
 * field, a mistyped path or query parameter, refused characters; and the CSRF refusal says what
 * happened.
 */
@PersistenceTest
class ApiErrorShapesTest {

  @Autowired AccessFixtures access;
  String admin;

  @BeforeEach
  void adminToken() {
    admin = access.token(access.user(Role.ADMIN));
  }

  private MockMvc mvc() {
    return access.mvc();
  }

  private ResultActions postJson(String path, String body) throws Exception {
    return mvc()
        .perform(
            post(path).contentType(MediaType.APPLICATION_JSON).content(body).with(bearer(admin)));
  }

  /** A real browser session: signed in through the form, sent back with its cookie. */
  private RequestPostProcessor browserOf(AccessFixtures.TestUser user) throws Exception {
    MockHttpSession session =
        (MockHttpSession)
            mvc()
                .perform(formLogin().user(user.username()).password(user.password()))
                .andReturn()
                .getRequest()
                .getSession();
    return request -> {
      request.setSession(session);
      request.setRequestedSessionId(session.getId());
      return request;
    };
  }

  private static void problemNaming(ResultActions r, String field) throws Exception {
    r.andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(startsWith("https://rapport.dev/problems/")))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/persons|{\"firstName\": |body",
        "/api/v1/persons|[1,2]|body",
        "/api/v1/persons|{\"firstName\":\"A\"} trailing|body",
        "/api/v1/persons|{\"firstName\":{\"x\":1}}|firstName",
        "/api/v1/persons|{\"firstName\":\"A\",\"accountId\":\"abc\"}|accountId",
        "/api/v1/persons|{\"firstName\":\"A\",\"emails\":[{\"a\":1}]}|emails[0]",
        "/api/v1/persons|{\"firstName\":\"A\",\"shoeSize\":44}|shoeSize",
        "/api/v1/listening/rules|{\"name\":|body",
        "/api/v1/listening/rules|{\"name\":\"r\",\"query\":\"a\",\"enabled\":\"perhaps\"}|enabled",
        "/api/v1/listening/rules|{\"name\":\"r\",\"query\":\"a\",\"colour\":\"red\"}|colour",
        "/api/v1/listening/rules/test|{\"query\":\"a\",\"limit\":\"ten\"}|limit",
        "/api/v1/users|not json|body",
        "/api/v1/users|{\"username\":\"x\",\"roles\":[\"admin\"],\"password\":[1]}|password",
        "/api/v1/users|{\"username\":\"x\",\"isRoot\":true}|isRoot",
      })
  void aBodyThatCannotBeReadIsRefusedNamingTheField(String path, String body, String field)
      throws Exception {
    problemNaming(postJson(path, body), field);
  }

  @Test
  void nulAndLoneSurrogatesInAPersonAreRefusedByField() throws Exception {
    problemNaming(postJson("/api/v1/persons", "{\"firstName\":\"A\\u0000B\"}"), "firstName");
    problemNaming(
        postJson("/api/v1/persons", "{\"firstName\":\"Ann\",\"lastName\":\"x\\ud800y\"}"),
        "lastName");
    problemNaming(
        postJson("/api/v1/persons", "{\"lastName\":\"Ok\",\"title\":\"\\udc00\"}"), "title");
  }

  @Test
  void aMistypedIdOrParameterIsRefusedNamingIt() throws Exception {
    problemNaming(mvc().perform(get("/api/v1/persons/abc").with(bearer(admin))), "id");
    problemNaming(mvc().perform(get("/api/v1/persons?owner=me").with(bearer(admin))), "owner");
    problemNaming(mvc().perform(get("/api/v1/audit?objectId=abc").with(bearer(admin))), "objectId");
    mvc()
        .perform(get("/api/v1/audit?objectType=visibility&objectId=person").with(bearer(admin)))
        .andExpect(status().isOk());
  }

  @Test
  void aWrongMediaTypeNamesTheContentType() throws Exception {
    mvc()
        .perform(
            post("/api/v1/persons")
                .contentType(MediaType.TEXT_PLAIN)
                .content("firstName=A")
                .with(bearer(admin)))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("Content-Type"));
  }

  @Test
  void aSessionWithAnyBearerHeaderIsNotAcceptedWithoutCsrf() throws Exception {
    var maria = access.user(Role.ADMIN);
    RequestPostProcessor browser = browserOf(maria);
    mvc()
        .perform(
            post("/api/v1/persons")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":\"Csrf\",\"lastName\":\"Probe\"}")
                .with(browser)
                .header("Authorization", "Bearer x"))
        .andExpect(status().isUnauthorized());
    mvc()
        .perform(
            post("/api/v1/persons")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":\"Csrf\",\"lastName\":\"Probe\"}")
                .with(browser)
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString((maria.username() + ":wrong-password").getBytes())))
        .andExpect(status().isUnauthorized());
    mvc()
        .perform(
            post("/api/v1/persons")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":\"Csrf\",\"lastName\":\"Ok\"}")
                .with(browser)
                .with(csrf()))
        .andExpect(status().isCreated());
  }

  @Test
  void aMissingCsrfTokenSaysTheFormExpiredNotThatTheRoleForbidsIt() throws Exception {
    var maria = access.user(Role.ADMIN);
    RequestPostProcessor browser = browserOf(maria);
    mvc()
        .perform(
            post("/api/v1/persons")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":\"No\",\"lastName\":\"Token\"}")
                .with(browser))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("form token is missing or expired")));
    mvc()
        .perform(post("/settings/teams").param("name", "x").with(browser))
        .andExpect(status().isForbidden())
        .andExpect(forwardedUrl("/denied"));
    mvc()
        .perform(
            post("/denied")
                .with(browser)
                .with(csrf())
                .requestAttr(
                    org.springframework.security.web.WebAttributes.ACCESS_DENIED_403,
                    new org.springframework.security.web.csrf.MissingCsrfTokenException(null)))
        .andExpect(content().string(containsString("form token is missing or expired")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("role does not"))));
  }
}
