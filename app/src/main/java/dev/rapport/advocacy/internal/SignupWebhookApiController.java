package dev.rapport.advocacy.internal;

import dev.rapport.shared.Problems;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/referrals/signups: the site's signup form tells Rapport that someone signed up with
 * a referral code. Authenticated by the workspace's signup token (not a user session), like the
 * listening webhook. An unknown code is 404 and a revoked one 410, both Problem Details, and
 * nothing is stored or credited; a person who came before is answered with their first referral.
 */
@RestController
@Tag(name = "Webhooks")
class SignupWebhookApiController {

  private final SignupTokens tokens;
  private final Referrals referrals;

  SignupWebhookApiController(SignupTokens tokens, Referrals referrals) {
    this.tokens = tokens;
    this.referrals = referrals;
  }

  @PostMapping(
      path = "/api/v1/referrals/signups",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> signup(
      HttpServletRequest request, @RequestBody(required = false) Referrals.Signup body) {
    if (!tokens.matches(token(request))) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(
              Problems.of(
                  HttpStatus.UNAUTHORIZED,
                  "unauthorized",
                  "Signup token missing or wrong",
                  "send the workspace's signup token as 'Authorization: Bearer <token>'"));
    }
    if (body == null) {
      return ResponseEntity.badRequest()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(Problems.invalid("code", "the body must be a JSON object with code and name"));
    }
    Referrals.SignedUp done;
    try {
      done = referrals.signup(body);
    } catch (Referrals.CodeRefused refused) {
      HttpStatus status = refused.revoked ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(
              Problems.withErrors(
                  Problems.of(
                      status,
                      refused.revoked ? "referral-code-revoked" : "referral-code-unknown",
                      refused.revoked ? "Referral code revoked" : "Referral code unknown",
                      refused.getMessage() + "; nothing was recorded"),
                  java.util.List.of(
                      new dev.rapport.shared.InvalidInputException.FieldError(
                          "code", refused.getMessage()))));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("created", done.created());
    answer.put("referralId", done.referral().id());
    answer.put("personId", done.referral().referred());
    answer.put("advocatePersonId", done.referral().advocate());
    answer.put("referredBy", done.advocateName());
    return ResponseEntity.status(done.created() ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
  }

  static String token(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).strip();
    }
    String own = request.getHeader("X-Rapport-Signup-Token");
    return own == null ? null : own.strip();
  }
}
