package dev.rapport.access.signin;

import dev.rapport.access.AuditLog;
import dev.rapport.access.tokens.ApiTokens;
import dev.rapport.access.tokens.BearerTokenFilter;
import dev.rapport.access.users.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.ObjectMapper;

/**
 * Form sign-in with CSRF protection for the UI. The API under /api accepts an API token (Bearer) or
 * HTTP Basic; only such requests skip CSRF, because a browser on another site cannot add an
 * Authorization header (and Rapport never asks a browser for Basic credentials, so none is cached).
 * An API request riding on the UI's session cookie still needs the CSRF token, and a session cookie
 * never counts when an Authorization header came with it. Password sign-in is throttled ({@link
 * SignInThrottle}); every answer carries a Content-Security-Policy.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

  /**
   * Scripts, styles, fonts and connections from this origin only; no inline script or style, no
   * plugins, no framing, forms post only here. Images may also be data: URLs (charts).
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Bean
  public PasswordEncoder passwordEncoder() {
    // {bcrypt} by default; the prefix in each hash lets a stronger encoder take over later
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Password sign-in (form and Basic), throttled per username and per address. */
  @Bean
  public AuthenticationProvider passwordSignIn(
      UserDetailsStore users, PasswordEncoder encoder, SignInThrottle throttle, AuditLog audit) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(encoder);
    return new ThrottledSignIn(passwords, throttle, audit);
  }

  @Bean
  public SecurityFilterChain securityFilterChain(
      HttpSecurity http, ApiTokens tokens, UserStore users, ObjectMapper json) throws Exception {
    ApiProblems problems = new ApiProblems(json);
    RequestMatcher api = BearerTokenFilter::isApi;
    // an API request with an Authorization header is authenticated by that header alone (see
    // HeaderFirstContextRepository), so it needs no CSRF token; one without a session has no
    // ambient authority to abuse
    RequestMatcher apiWithoutSession =
        request ->
            BearerTokenFilter.isApi(request)
                && (hasAuthorizationHeader(request) || request.getRequestedSessionId() == null);
    AccessDeniedHandlerImpl pageDenied = new AccessDeniedHandlerImpl();
    pageDenied.setErrorPage(DeniedPageController.PATH);
    // only pages are remembered for "continue after sign-in"; an API call never opens a session
    HttpSessionRequestCache pages = new HttpSessionRequestCache();
    pages.setRequestMatcher(request -> !BearerTokenFilter.isApi(request));
    http.requestCache(cache -> cache.requestCache(pages))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/error",
                        DeniedPageController.PATH,
                        "/actuator/health",
                        "/actuator/health/liveness",
                        "/actuator/health/readiness")
                    .permitAll()
                    // metrics: for an admin (a dedicated scrape user, HTTP Basic)
                    .requestMatchers("/actuator/prometheus")
                    .hasRole("ADMIN")
                    // listening webhook: authenticated by the source's own token, checked there
                    .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/ingest")
                    .permitAll()
                    // advocacy: the public referral link, and the signup webhook (authenticated by
                    // the workspace's signup token, checked there)
                    .requestMatchers(org.springframework.http.HttpMethod.GET, "/r/*")
                    .permitAll()
                    .requestMatchers(
                        org.springframework.http.HttpMethod.POST, "/api/v1/referrals/signups")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .securityContext(
            context -> context.securityContextRepository(new HeaderFirstContextRepository()))
        .formLogin(
            form ->
                form.loginPage("/login").failureHandler(SecurityConfig::signInFailed).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(problems.unauthorized(), api)
                    .defaultAccessDeniedHandlerFor(problems.forbidden(), api)
                    .defaultAccessDeniedHandlerFor(pageDenied, AnyRequestMatcher.INSTANCE))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy
                                    .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        .csrf(csrf -> csrf.ignoringRequestMatchers(apiWithoutSession))
        .addFilterBefore(
            new BearerTokenFilter(tokens, users, problems), BasicAuthenticationFilter.class)
        .addFilterBefore(new FreshUserFilter(users), AnonymousAuthenticationFilter.class);
    return http.build();
  }

  /** A failed form sign-in goes back to the form, saying how long a throttled one must wait. */
  private static void signInFailed(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String target =
        e instanceof SignInThrottled throttled
            ? "/login?error&locked=" + throttled.retryAfterSeconds()
            : "/login?error";
    response.sendRedirect(request.getContextPath() + target);
  }

  private static boolean hasAuthorizationHeader(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null
        && (header.regionMatches(true, 0, "Bearer ", 0, 7)
            || header.regionMatches(true, 0, "Basic ", 0, 6));
  }
}
