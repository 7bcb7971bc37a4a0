package dev.rapport.shared;

import dev.rapport.shared.InvalidInputException.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.ObjectMapper;

/**
 * The one builder of the API's RFC 9457 Problem Details: controllers, exception handlers, security
 * filters and the error page all answer through it, so every error has the same shape: {@code
 * type}, {@code title}, {@code status}, {@code detail} and, for refused input, {@code errors} with
 * one {@code {field, reason}} per refused field.
 */
public final class Problems {

  /** Where the {@code type} URIs point; the last segment names the kind of problem. */
  public static final String TYPE_BASE = "https://rapport.dev/problems/";

  private Problems() {}

  /** A problem of the given status; {@code type} is a short slug such as {@code invalid-input}. */
  public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    p.setType(URI.create(TYPE_BASE + type));
    return p;
  }

  /** 400 invalid-input naming each refused field and why. */
  public static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail p = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", summary(errors));
    return withErrors(p, errors);
  }

  /** 400 invalid-input for one field. */
  public static ProblemDetail invalid(String field, String reason) {
    return invalid(List.of(new FieldError(field, reason)));
  }

  /** Adds the {@code errors} member, one {@code {field, reason}} per error, when there are any. */
  public static ProblemDetail withErrors(ProblemDetail p, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      p.setProperty("errors", errors.stream().map(Problems::entry).toList());
    }
    return p;
  }

  /** One entry of the {@code errors} member, open for extra keys (such as a query's column). */
  public static Map<String, Object> entry(FieldError e) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("field", e.field());
    one.put("reason", e.reason());
    return one;
  }

  /** The problem as a response with its status and {@code application/problem+json}. */
  public static ResponseEntity<ProblemDetail> response(ProblemDetail p) {
    return ResponseEntity.status(p.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }

  /**
   * Writes the problem straight to a servlet response, for code that runs before or outside Spring
   * MVC (security filters, the error page).
   */
  public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail p)
      throws IOException {
    response.setStatus(p.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), asMap(p));
  }

  /** The problem's members in their usual order, its extra properties last. */
  public static Map<String, Object> asMap(ProblemDetail p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", p.getType().toString());
    m.put("title", p.getTitle());
    m.put("status", p.getStatus());
    if (p.getDetail() != null) {
      m.put("detail", p.getDetail());
    }
    if (p.getInstance() != null) {
      m.put("instance", p.getInstance().toString());
    }
    if (p.getProperties() != null) {
      m.putAll(p.getProperties());
    }
    return m;
  }

  private static String summary(List<FieldError> errors) {
    return errors.stream()
        .map(e -> e.field() + ": " + e.reason())
        .reduce((a, b) -> a + "; " + b)
        .orElse("the request was refused");
  }
}
