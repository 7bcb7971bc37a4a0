package dev.rapport.shared;

import dev.rapport.shared.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal anywhere in the API into RFC 9457 Problem Details (built by {@link Problems})
 * that name the field and the reason: validation failures, unreadable or mistyped JSON (named by
 * its JSON path, or {@code body} when it is not JSON at all), and mistyped path or query
 * parameters. Spring MVC's own errors keep their status and get the same shape.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
    return Problems.response(Problems.invalid(e.errors()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return Problems.response(
        Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(Problems.invalid(List.of(unreadable(ex))));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    return answer(
        Problems.invalid(
            field == null ? "parameter" : field,
            "'"
                + clip(String.valueOf(ex.getValue()))
                + "' is not "
                + expected(ex.getRequiredType())));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(Problems.invalid(ex.getParameterName(), "is required"));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(Problems.invalid(ex.getRequestPartName(), "is required"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail p =
        Problems.of(
            status,
            "unsupported-media-type",
            "Unsupported media type",
            "send the body as one of " + ex.getSupportedMediaTypes());
    Problems.withErrors(
        p,
        List.of(
            new FieldError(
                "Content-Type",
                "'" + ex.getContentType() + "' is not one of " + ex.getSupportedMediaTypes())));
    return answer(p);
  }

  /** Every other Spring MVC error keeps its status and detail, in the one shape. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail given = body instanceof ProblemDetail p ? p : null;
    String title = given != null && given.getTitle() != null ? given.getTitle() : reason(status);
    String detail = given != null && given.getDetail() != null ? given.getDetail() : title;
    ProblemDetail p = Problems.of(status, slug(title), title, detail);
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }

  private static ResponseEntity<Object> answer(ProblemDetail p) {
    return ResponseEntity.status(p.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }

  /** The field a JSON body could not be read at: its JSON path, or {@code body} for bad JSON. */
  static FieldError unreadable(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (!(cause instanceof JacksonException j)) {
      return new FieldError("body", "is missing or not readable; send a JSON object");
    }
    if (j instanceof StreamReadException || j.getPath().isEmpty()) {
      return new FieldError("body", "is not valid JSON: " + clip(j.getOriginalMessage()));
    }
    String path = path(j.getPath());
    if (j instanceof UnrecognizedPropertyException u) {
      List<String> known = new ArrayList<>();
      u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      known.sort(null);
      return new FieldError(path, "is not a known field; known fields are " + known);
    }
    return new FieldError(path, "has the wrong type: " + clip(j.getOriginalMessage()));
  }

  static String path(List<JacksonException.Reference> refs) {
    StringBuilder s = new StringBuilder();
    for (JacksonException.Reference r : refs) {
      if (r.getPropertyName() != null) {
        if (!s.isEmpty()) {
          s.append('.');
        }
        s.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        s.append('[').append(r.getIndex()).append(']');
      }
    }
    return s.isEmpty() ? "body" : s.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of the expected type";
    }
    if (type == long.class
        || type == Long.class
        || type == int.class
        || type == Integer.class
        || type == short.class
        || type == Short.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object c : type.getEnumConstants()) {
        names.add(((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT));
      }
      return "one of " + names;
    }
    return "a valid " + type.getSimpleName();
  }

  private static String reason(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "Error " + status.value() : known.getReasonPhrase();
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  static String clip(String s) {
    if (s == null) {
      return "";
    }
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
  }
}
