package dev.rapport.access.users;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.Permission;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.access.tokens.ApiTokens;
import dev.rapport.access.tokens.ApiTokens.TokenInfo;
import dev.rapport.access.tokens.IssuedToken;
import dev.rapport.access.tokens.TokenScope;
import dev.rapport.access.users.ApiViews.MeView;
import dev.rapport.access.users.ApiViews.PasswordInput;
import dev.rapport.access.users.ApiViews.TeamView;
import dev.rapport.access.users.ApiViews.TokenInput;
import dev.rapport.shared.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every signed-in user: who am I, and my API tokens. */
@RestController
@Tag(name = "Me")
@RequestMapping("/api/v1/me")
class MeApiController {

  private final Actors actors;
  private final Users users;
  private final Teams teams;
  private final ApiTokens tokens;

  public MeApiController(Actors actors, Users users, Teams teams, ApiTokens tokens) {
    this.actors = actors;
    this.users = users;
    this.teams = teams;
    this.tokens = tokens;
  }

  @GetMapping
  public MeView me() {
    User me = current();
    List<TeamView> myTeams =
        me.teamIds().stream()
            .sorted()
            .flatMap(id -> teams.find(id).stream())
            .map(t -> new TeamView(t.id(), t.name(), List.of()))
            .toList();
    List<String> permissions =
        Arrays.stream(Permission.values())
            .filter(p -> me.actor().can(p))
            .map(ApiViews::lower)
            .toList();
    return new MeView(
        me.id(),
        me.username(),
        me.displayName(),
        me.roles().stream().sorted().map(ApiViews::lower).toList(),
        myTeams,
        permissions);
  }

  @PutMapping("/password")
  public ResponseEntity<Void> changePassword(@RequestBody PasswordInput input) {
    users.changeOwnPassword(current().id(), input.currentPassword(), input.newPassword());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/tokens")
  public List<TokenInfo> tokens() {
    return tokens.of(current().id());
  }

  @PostMapping("/tokens")
  public ResponseEntity<IssuedToken> issue(@RequestBody TokenInput input) {
    UserInput in = new UserInput();
    TokenScope scope = in.choice("scope", input.scope(), TokenScope.class);
    if (in.hasErrors()) {
      in.text("name", input.name(), 100);
      in.check();
    }
    IssuedToken token = tokens.issue(current().id(), input.name(), scope);
    return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id())).body(token);
  }

  @DeleteMapping("/tokens/{id}")
  public ResponseEntity<Void> revoke(@PathVariable long id) {
    tokens.revoke(current().id(), id);
    return ResponseEntity.noContent().build();
  }

  private User current() {
    Actor actor = actors.current();
    if (actor.userId() == null) {
      throw new NotFoundException("user", actor.name());
    }
    return users.get(actor.userId());
  }
}
