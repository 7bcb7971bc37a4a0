package dev.rapport.access.signin;

import dev.rapport.shared.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.ObjectMapper;

/**
 * Problem Details (RFC 9457, built by the shared {@link Problems}) for the API's 401, 403 and 429
 * answers, written by the security filters before any controller runs. The 401 challenges with
 * Bearer, never Basic, so a browser never pops up a password dialog and never caches Basic
 * credentials it would then send cross-site.
 */
public final class ApiProblems {

  public static final String CSRF_DETAIL =
      "Your session's form token is missing or expired; reload the page and try again.";

  private final ObjectMapper json;

  public ApiProblems(ObjectMapper json) {
    this.json = json;
  }

  public AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      if (e instanceof SignInThrottled throttled) {
        throttled(response, throttled);
        return;
      }
      write(
          response,
          401,
          "Unauthorized",
          "Sign in, or send 'Authorization: Bearer rpt_...' with an API token (or HTTP Basic).");
    };
  }

  public AccessDeniedHandler forbidden() {
    return (request, response, e) -> {
      if (e instanceof CsrfException) {
        write(response, 403, "CSRF token missing or expired", CSRF_DETAIL);
      } else {
        write(response, 403, "Forbidden", "Your role does not allow this request.");
      }
    };
  }

  public void throttled(HttpServletResponse response, SignInThrottled e) throws IOException {
    response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
    Problems.write(
        response,
        json,
        Problems.of(
            HttpStatus.TOO_MANY_REQUESTS,
            "sign-in-throttled",
            "Too many failed sign-ins",
            e.getMessage()));
  }

  public void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"rapport\"");
    }
    ProblemDetail p = Problems.of(HttpStatus.valueOf(status), slug(title), title, detail);
    Problems.write(response, json, p);
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
