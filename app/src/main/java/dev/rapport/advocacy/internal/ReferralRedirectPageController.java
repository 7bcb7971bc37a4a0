package dev.rapport.advocacy.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * GET /r/{code}: the public referral link, no sign-in. Records the click (when, and through which
 * code: no address, no user agent, no cookie) and redirects to the campaign's or the workspace's
 * landing page, decided by stored data only, never by the request (no open redirect). An unknown
 * code answers a 404 page, a revoked one a 410 page.
 */
@Controller
class ReferralRedirectPageController {

  private final Referrals referrals;

  ReferralRedirectPageController(Referrals referrals) {
    this.referrals = referrals;
  }

  @GetMapping("/r/{code}")
  String follow(@PathVariable String code, HttpServletResponse response, Model model) {
    String target;
    try {
      target = referrals.click(code);
    } catch (Referrals.CodeRefused refused) {
      response.setStatus(refused.revoked ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      model.addAttribute("revoked", refused.revoked);
      return "advocacy/referral-refused";
    }
    response.setStatus(HttpStatus.FOUND.value());
    response.setHeader(HttpHeaders.LOCATION, target);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    return null;
  }
}
