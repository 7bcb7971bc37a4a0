package dev.rapport.access.tokens;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.Users;
import dev.rapport.access.users.UserInput;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each user's own account: API tokens (the secret is shown once) and their password. */
@Controller
class TokenPageController {

  private final Actors actors;
  private final ApiTokens tokens;
  private final Users users;

  public TokenPageController(Actors actors, ApiTokens tokens, Users users) {
    this.actors = actors;
    this.tokens = tokens;
    this.users = users;
  }

  @GetMapping("/me/tokens")
  public String tokens(Model model) {
    model.addAttribute("tokens", tokens.of(me()));
    model.addAttribute("scopes", TokenScope.values());
    return "access/tokens";
  }

  @PostMapping("/me/tokens")
  public String issue(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String scope,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      UserInput in = new UserInput();
      TokenScope chosen = in.choice("scope", scope, TokenScope.class);
      in.check();
      // a flash attribute lives for exactly one following request: the secret is shown once
      redirect.addFlashAttribute("issued", tokens.issue(me(), name, chosen));
      return "redirect:/me/tokens";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", e.errors());
      model.addAttribute("draftName", name);
      return tokens(model);
    }
  }

  @PostMapping("/me/password")
  public String changePassword(
      @RequestParam(required = false) String currentPassword,
      @RequestParam(required = false) String newPassword,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      users.changeOwnPassword(me(), currentPassword, newPassword);
      redirect.addFlashAttribute("notice", "Changed your password.");
      return "redirect:/me/tokens";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", e.errors());
      return tokens(model);
    }
  }

  @PostMapping("/me/tokens/{id}/revoke")
  public String revoke(@PathVariable long id, RedirectAttributes redirect) {
    tokens.revoke(me(), id);
    redirect.addFlashAttribute("notice", "Revoked the token.");
    return "redirect:/me/tokens";
  }

  private long me() {
    Actor actor = actors.current();
    if (actor.userId() == null) {
      throw new NotFoundException("user", actor.name());
    }
    return actor.userId();
  }
}
