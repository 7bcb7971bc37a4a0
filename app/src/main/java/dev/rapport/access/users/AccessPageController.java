package dev.rapport.access.users;

import dev.rapport.access.NewUser;
import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.access.VisibilityLevel;
import dev.rapport.access.visibility.RecordVisibilityFacade;
import dev.rapport.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The settings pages: the index, users, teams and record visibility. */
@Controller
class AccessPageController {

  private final Users users;
  private final Teams teams;
  private final RecordVisibilityFacade visibility;

  public AccessPageController(Users users, Teams teams, RecordVisibilityFacade visibility) {
    this.users = users;
    this.teams = teams;
    this.visibility = visibility;
  }

  @GetMapping("/settings")
  public String index() {
    return "access/settings";
  }

  @GetMapping("/settings/users")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public String users(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("q", q);
    model.addAttribute("page", users.list(q, "username", page, 50));
    model.addAttribute("roles", Role.values());
    model.addAttribute("teams", teams.all());
    return "access/users";
  }

  @PostMapping("/settings/users")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public String createUser(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String displayName,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) List<String> roles,
      @RequestParam(required = false) List<Long> teamIds,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      User user = users.create(new NewUser(username, displayName, password, roles, teamIds, true));
      redirect.addFlashAttribute("notice", "Created user " + user.username() + ".");
      return "redirect:/settings/users";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", e.errors());
      model.addAttribute("draft", Map.of("username", nz(username), "displayName", nz(displayName)));
      model.addAttribute("draftRoles", roles == null ? List.of() : roles);
      model.addAttribute("draftTeams", teamIds == null ? List.of() : teamIds);
      return users(null, 0, model);
    }
  }

  @GetMapping("/settings/users/{id}")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public String user(@PathVariable long id, Model model) {
    model.addAttribute("user", users.get(id));
    model.addAttribute("roles", Role.values());
    model.addAttribute("teams", teams.all());
    return "access/user";
  }

  @PostMapping("/settings/users/{id}")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public String changeUser(
      @PathVariable long id,
      @RequestParam(required = false) String displayName,
      @RequestParam(required = false) List<String> roles,
      @RequestParam(required = false) List<Long> teamIds,
      @RequestParam(defaultValue = "false") boolean enabled,
      @RequestParam(required = false) String password,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      User user =
          users.change(
              id,
              new Users.UserChange(
                  displayName,
                  roles == null ? List.of() : roles,
                  teamIds == null ? List.of() : teamIds,
                  enabled,
                  password == null || password.isEmpty() ? null : password));
      redirect.addFlashAttribute("notice", "Saved " + user.username() + ".");
      return "redirect:/settings/users";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", e.errors());
      return user(id, model);
    }
  }

  @GetMapping("/settings/teams")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public String teams(Model model) {
    model.addAttribute("teams", teams.all());
    model.addAttribute(
        "members",
        teams.all().stream()
            .collect(Collectors.toMap(Team::id, t -> users.members(t.id()), (a, b) -> a)));
    return "access/teams";
  }

  @PostMapping("/settings/teams")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public String createTeam(
      @RequestParam(required = false) String name,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    return teamAction(
        () -> "Created team " + teams.create(name).name() + ".", model, redirect, response);
  }

  @PostMapping("/settings/teams/{id}")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public String renameTeam(
      @PathVariable long id,
      @RequestParam(required = false) String name,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    return teamAction(
        () -> "Renamed the team to " + teams.rename(id, name).name() + ".",
        model,
        redirect,
        response);
  }

  @PostMapping("/settings/teams/{id}/delete")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public String deleteTeam(@PathVariable long id, RedirectAttributes redirect) {
    String name = teams.get(id).name();
    teams.delete(id);
    redirect.addFlashAttribute("notice", "Deleted team " + name + ".");
    return "redirect:/settings/teams";
  }

  @GetMapping("/settings/visibility")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public String visibility(Model model) {
    model.addAttribute("levels", visibility.all());
    model.addAttribute("options", VisibilityLevel.values());
    return "access/visibility";
  }

  @PostMapping("/settings/visibility")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public String setVisibility(
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      for (String type : RecordVisibilityFacade.OBJECT_TYPES) {
        String level = form.get("level_" + type);
        if (level != null) {
          visibility.set(type, level);
        }
      }
      redirect.addFlashAttribute("notice", "Saved record visibility.");
      return "redirect:/settings/visibility";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", e.errors());
      return visibility(model);
    }
  }

  private String teamAction(
      java.util.function.Supplier<String> action,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      redirect.addFlashAttribute("notice", action.get());
      return "redirect:/settings/teams";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", e.errors());
      return teams(model);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
