package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A record a page cannot show is a 404 page, whether it is missing or hidden from the user. */
@ControllerAdvice(
    assignableTypes = {
      PersonPageController.class,
      AccountPageController.class,
      ImportPageController.class,
      MergePageController.class,
      IcpPageController.class
    })
class PageErrors {

  @ExceptionHandler(InvalidInputException.class)
  ModelAndView invalid(InvalidInputException e) {
    ModelAndView view = new ModelAndView("people/problem");
    view.addObject("errors", e.errors());
    view.setStatus(HttpStatus.BAD_REQUEST);
    return view;
  }

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    ModelAndView view = new ModelAndView("people/not-found");
    view.addObject("message", e.getMessage());
    view.setStatus(HttpStatus.NOT_FOUND);
    return view;
  }
}
