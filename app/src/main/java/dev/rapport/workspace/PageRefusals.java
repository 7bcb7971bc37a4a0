package dev.rapport.workspace;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A page request the user's role may not make, or one for a page that does not exist, answers with
 * a page in the layout that says so; the API under /api keeps its Problem Details JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageRefusals {

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView refused(AccessDeniedException e, HttpServletRequest request)
      throws AccessDeniedException {
    if (isApi(request)) {
      throw e;
    }
    return page(
        HttpStatus.FORBIDDEN,
        "Not allowed",
        "Your role does not allow this. Ask an admin if you need it.");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ModelAndView missing(NoResourceFoundException e, HttpServletRequest request)
      throws NoResourceFoundException {
    if (isApi(request)) {
      throw e;
    }
    return page(HttpStatus.NOT_FOUND, "Not found", "There is no page at this address.");
  }

  private static ModelAndView page(HttpStatus status, String title, String message) {
    ModelAndView view = new ModelAndView("refused");
    view.addObject("title", title);
    view.addObject("message", message);
    view.addObject("status", status.value());
    view.setStatus(status);
    return view;
  }

  /** The API and htmx fragments keep plain answers; only full pages get the layout. */
  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || "true".equals(request.getHeader("HX-Request"));
  }
}
