package dev.rapport.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.ObjectMapper;

/**
 * Problem Details (RFC 9457) for the API's 401 and 403 answers, written by the security filters
 * before any controller runs. The 401 challenges with Bearer, never Basic, so a browser never pops
 * up a password dialog and never caches Basic credentials it would then send cross-site.
 */
final class ApiProblems {

  private final ObjectMapper json;

  ApiProblems(ObjectMapper json) {
    this.json = json;
  }

  AuthenticationEntryPoint unauthorized() {
    return (request, response, e) ->
        write(
            response,
            401,
            "Unauthorized",
            "Sign in, or send 'Authorization: Bearer rpt_...' with an API token (or HTTP Basic).");
  }

  AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        write(response, 403, "Forbidden", "Your role does not allow this request.");
  }

  void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"rapport\"");
    }
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    json.writeValue(response.getOutputStream(), problem);
  }
}
