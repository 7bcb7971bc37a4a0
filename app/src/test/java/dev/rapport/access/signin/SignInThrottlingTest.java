package dev.rapport.access.signin;

import static dev.rapport.support.AccessFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.Role;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Wrong passwords lock sign-in (form and HTTP Basic) per username and per client address, with
 * delays that double; a locked attempt is refused before the password is looked at, with the same
 * answer whether or not the user exists. A test clock moves time instead of sleeping.
 */
@PersistenceTest
class SignInThrottlingTest {

  /** A clock the test moves by hand. */
  static final class TestClock implements InstantSource {
    private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired AccessFixtures access;
  @Autowired SignInThrottle throttle;
  @Autowired JdbcClient jdbc;

  final TestClock clock = new TestClock();
  // each test signs in from its own address so the per-address count of one does not leak
  final String address = "198.51.100." + (ADDRESSES.incrementAndGet() % 250 + 1);

  @BeforeEach
  void useTestClock() {
    throttle.useClock(clock);
  }

  @AfterEach
  void useSystemClock() {
    throttle.useClock(InstantSource.system());
  }

  private MockMvc mvc() {
    return access.mvc();
  }

  private RequestPostProcessor from(String ip) {
    return request -> {
      request.setRemoteAddr(ip);
      return request;
    };
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(
      String username, String password) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
        .param("username", username)
        .param("password", password)
        .with(
            org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.csrf())
        .with(from(address));
  }

  private int me(String username, String password, String ip) throws Exception {
    return mvc()
        .perform(get("/api/v1/me").with(httpBasic(username, password)).with(from(ip)))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  @Test
  void wrongBasicPasswordsLockTheAccountForDoublingDelaysEvenForTheRightPassword()
      throws Exception {
    TestUser li = access.user(Role.SALES);
    for (int i = 0; i < 6; i++) {
      assertThat(me(li.username(), "wrong-" + i, address)).isEqualTo(401);
    }
    // the sixth failure locked for 1 s; trying again inside it counts too and doubles the lock
    mvc()
        .perform(
            get("/api/v1/me").with(httpBasic(li.username(), li.password())).with(from(address)))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "2"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Too many failed sign-ins"))
        .andExpect(jsonPath("$.detail").value("Too many failed sign-ins; try again in 2 seconds."));

    clock.advance(Duration.ofSeconds(2));
    assertThat(me(li.username(), "wrong-again", address)).isEqualTo(401);
    mvc()
        .perform(
            get("/api/v1/me").with(httpBasic(li.username(), li.password())).with(from(address)))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "8"));

    clock.advance(Duration.ofSeconds(8));
    assertThat(me(li.username(), li.password(), address)).isEqualTo(200);
    // a correct password starts the account's count again
    assertThat(me(li.username(), "wrong-after-success", address)).isEqualTo(401);
    assertThat(me(li.username(), li.password(), address)).isEqualTo(200);
  }

  @Test
  void aBurstOfWrongPasswordsKeepsTheRightOneOutRightAfterIt() throws Exception {
    TestUser li = access.user(Role.SALES);
    for (int i = 0; i < 25; i++) {
      assertThat(me(li.username(), "burst-" + i, address)).isIn(401, 429);
      clock.advance(Duration.ofMillis(60));
    }
    assertThat(me(li.username(), li.password(), address)).isEqualTo(429);
  }

  @Test
  void anUnknownUsernameIsThrottledWithTheSameAnswerAsAKnownOne() throws Exception {
    TestUser known = access.user(Role.SALES);
    String unknown = "nobody-" + System.nanoTime();
    for (int i = 0; i < 6; i++) {
      assertThat(me(known.username(), "wrong-" + i, address)).isEqualTo(401);
      assertThat(me(unknown, "wrong-" + i, address)).isEqualTo(401);
    }
    MvcResult a =
        mvc()
            .perform(get("/api/v1/me").with(httpBasic(known.username(), "x")).with(from(address)))
            .andReturn();
    MvcResult b =
        mvc()
            .perform(get("/api/v1/me").with(httpBasic(unknown, "x")).with(from(address)))
            .andReturn();
    assertThat(a.getResponse().getStatus()).isEqualTo(429).isEqualTo(b.getResponse().getStatus());
    assertThat(a.getResponse().getContentAsString())
        .isEqualTo(b.getResponse().getContentAsString());
    assertThat(a.getResponse().getHeader("Retry-After"))
        .isEqualTo(b.getResponse().getHeader("Retry-After"));
  }

  @Test
  void theSignInFormSaysHowLongToWait() throws Exception {
    TestUser sam = access.user(Role.SUPPORT);
    for (int i = 0; i < 6; i++) {
      mvc().perform(signIn(sam.username(), "wrong-" + i)).andExpect(redirectedUrl("/login?error"));
    }
    mvc()
        .perform(signIn(sam.username(), sam.password()))
        .andExpect(redirectedUrl("/login?error&locked=2"));
    mvc()
        .perform(get("/login?error&locked=2"))
        .andExpect(
            content()
                .string(
                    Matchers.containsString("Too many failed sign-ins; try again in 2 seconds.")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("Wrong username"))));
    mvc()
        .perform(get("/login?error&locked=<b>soon</b>"))
        .andExpect(content().string(Matchers.not(Matchers.containsString("soon"))));
  }

  @Test
  void oneAddressTryingManyUsernamesIsThrottledButOtherAddressesAreNot() throws Exception {
    TestUser ana = access.user(Role.SALES);
    for (int i = 0; i < 21; i++) {
      assertThat(me("guess-" + i + "-" + System.nanoTime(), "wrong", address)).isEqualTo(401);
    }
    assertThat(me(ana.username(), ana.password(), address)).isEqualTo(429);
    assertThat(me(ana.username(), ana.password(), "203.0.113.77")).isEqualTo(200);
  }

  @Test
  void aLockIsAuditedAndApiTokensStillWork() throws Exception {
    TestUser bo = access.user(Role.SALES);
    String token = access.token(bo);
    for (int i = 0; i < 6; i++) {
      me(bo.username(), "wrong-" + i, address);
    }
    assertThat(me(bo.username(), bo.password(), address)).isEqualTo(429);
    mvc()
        .perform(get("/api/v1/me").with(bearer(token)).with(from(address)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(bo.username()));
    String audited =
        jdbc.sql(
                "select new_value from audit_log where object_type = 'sign_in_lock'"
                    + " and object_id = :u")
            .param("u", bo.username())
            .query(String.class)
            .single();
    assertThat(audited).contains("\"lockedSeconds\":1", address).doesNotContain("wrong-");
  }
}
