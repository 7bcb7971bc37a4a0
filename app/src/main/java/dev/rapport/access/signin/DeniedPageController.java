package dev.rapport.access.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page a refused page request lands on (forwarded here with status 403), saying what happened:
 * an expired or missing form token, or a role that does not allow the request.
 */
@Controller
class DeniedPageController {

  public static final String PATH = "/denied";

  @RequestMapping(PATH)
  public String denied(HttpServletRequest request, Model model) {
    boolean csrf = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
    model.addAttribute(
        "reason", csrf ? ApiProblems.CSRF_DETAIL : "Your role does not allow this request.");
    model.addAttribute("csrf", csrf);
    return "access/denied";
  }
}
