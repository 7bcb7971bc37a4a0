package dev.rapport.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.ObjectMapper;

/**
 * Form sign-in with CSRF protection for the UI. The API under /api accepts an API token (Bearer) or
 * HTTP Basic; only such requests skip CSRF, because a browser on another site cannot add an
 * Authorization header (and Rapport never asks a browser for Basic credentials, so none is cached).
 * An API request riding on the UI's session cookie still needs the CSRF token.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

  @Bean
  PasswordEncoder passwordEncoder() {
    // {bcrypt} by default; the prefix in each hash lets a stronger encoder take over later
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, ApiTokens tokens, UserRows users, ObjectMapper json) throws Exception {
    ApiProblems problems = new ApiProblems(json);
    RequestMatcher api = BearerTokenFilter::isApi;
    RequestMatcher apiWithoutSession =
        request ->
            BearerTokenFilter.isApi(request)
                && (hasAuthorizationHeader(request) || request.getRequestedSessionId() == null);
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
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(problems.unauthorized(), api)
                    .defaultAccessDeniedHandlerFor(problems.forbidden(), api))
        .csrf(csrf -> csrf.ignoringRequestMatchers(apiWithoutSession))
        .addFilterBefore(
            new BearerTokenFilter(tokens, users, problems), BasicAuthenticationFilter.class)
        .addFilterBefore(new FreshUserFilter(users), AnonymousAuthenticationFilter.class);
    return http.build();
  }

  private static boolean hasAuthorizationHeader(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null
        && (header.regionMatches(true, 0, "Bearer ", 0, 7)
            || header.regionMatches(true, 0, "Basic ", 0, 6));
  }
}
