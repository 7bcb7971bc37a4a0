package dev.rapport.shared;

import dev.rapport.shared.InvalidInputException.FieldError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.ObjectMapper;

/**
 * The error page: for anything under {@code /api} (and any request that does not ask for HTML) an
 * error that no controller answered (an unknown path, a path the firewall refused, a 405) is
 * Problem Details too, never Spring's default JSON or an HTML page; pages keep the HTML error view.
 */
@Controller
class ApiErrorController extends BasicErrorController {

  private final ObjectMapper json;

  ApiErrorController(
      ErrorAttributes attributes,
      WebProperties web,
      ObjectProvider<ErrorViewResolver> resolvers,
      ObjectMapper json) {
    super(attributes, web.getError(), resolvers.orderedStream().toList());
    this.json = json;
  }

  @Override
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    if (!isApi(request)) {
      return super.errorHtml(request, response);
    }
    try {
      Problems.write(response, json, problem(request));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    ProblemDetail p = problem(request);
    if (p.getStatus() == HttpStatus.NO_CONTENT.value()) {
      return ResponseEntity.noContent().build();
    }
    return ResponseEntity.status(p.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.asMap(p));
  }

  @Override
  public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
    ProblemDetail p = problem(request);
    return ResponseEntity.status(p.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(json.writeValueAsString(Problems.asMap(p)));
  }

  private ProblemDetail problem(HttpServletRequest request) {
    HttpStatus status = getStatus(request);
    Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (error instanceof RequestRejectedException) {
      return Problems.withErrors(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "invalid-input",
              "Invalid input",
              "the request path was refused"),
          List.of(
              new FieldError(
                  "path",
                  "contains an encoded or relative segment (such as %2e%2e, %2f, ;, // or ..)"
                      + " that is refused")));
    }
    return switch (status) {
      case NOT_FOUND ->
          Problems.of(status, "not-found", "Not found", "there is nothing at this path");
      case METHOD_NOT_ALLOWED ->
          Problems.of(
              status,
              "method-not-allowed",
              "Method not allowed",
              request.getMethod() + " is not allowed at this path");
      case UNAUTHORIZED -> Problems.of(status, "unauthorized", "Unauthorized", "sign in first");
      case FORBIDDEN -> Problems.of(status, "forbidden", "Forbidden", "this request is refused");
      default ->
          Problems.of(
              status,
              status.is4xxClientError() ? "bad-request" : "server-error",
              status.getReasonPhrase(),
              status.is4xxClientError()
                  ? "the request was refused"
                  : "the server failed; the error is logged");
    };
  }

  private static boolean isApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    String context = request.getContextPath();
    if (path.startsWith(context)) {
      path = path.substring(context.length());
    }
    return path.equals("/api") || path.startsWith("/api/");
  }
}
