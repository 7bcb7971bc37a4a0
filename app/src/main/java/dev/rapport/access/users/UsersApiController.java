package dev.rapport.access.users;

import dev.rapport.access.NewUser;
import dev.rapport.access.Team;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.access.users.ApiViews.Member;
import dev.rapport.access.users.ApiViews.TeamInput;
import dev.rapport.access.users.ApiViews.TeamView;
import dev.rapport.access.users.ApiViews.UserView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage users and teams over the API. */
@RestController
@Tag(name = "Users")
@RequestMapping("/api/v1")
@PreAuthorize("@access.allows('USERS_ADMIN')")
class UsersApiController {

  private final Users users;
  private final Teams teams;

  public UsersApiController(Users users, Teams teams) {
    this.users = users;
    this.teams = teams;
  }

  @GetMapping("/users")
  public ListPage<UserView> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    ListPage<User> found = users.list(q, sort, page, size);
    return new ListPage<>(
        found.items().stream().map(UserView::of).toList(),
        found.page(),
        found.size(),
        found.total());
  }

  @PostMapping("/users")
  public ResponseEntity<UserView> create(@RequestBody NewUser input) {
    User user = users.create(input);
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserView.of(user));
  }

  @GetMapping("/users/{id}")
  public UserView get(@PathVariable long id) {
    return UserView.of(users.get(id));
  }

  @PatchMapping("/users/{id}")
  public UserView change(@PathVariable long id, @RequestBody Users.UserChange change) {
    return UserView.of(users.change(id, change));
  }

  @GetMapping("/teams")
  public List<TeamView> teams() {
    return teams.all().stream().map(this::view).toList();
  }

  @PostMapping("/teams")
  public ResponseEntity<TeamView> createTeam(@RequestBody TeamInput input) {
    Team team = teams.create(input.name());
    return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(view(team));
  }

  @GetMapping("/teams/{id}")
  public TeamView team(@PathVariable long id) {
    return view(teams.get(id));
  }

  @PatchMapping("/teams/{id}")
  public TeamView renameTeam(@PathVariable long id, @RequestBody TeamInput input) {
    return view(teams.rename(id, input.name()));
  }

  @DeleteMapping("/teams/{id}")
  public ResponseEntity<Void> deleteTeam(@PathVariable long id) {
    teams.delete(id);
    return ResponseEntity.noContent().build();
  }

  private TeamView view(Team team) {
    return new TeamView(
        team.id(), team.name(), users.members(team.id()).stream().map(Member::of).toList());
  }
}
