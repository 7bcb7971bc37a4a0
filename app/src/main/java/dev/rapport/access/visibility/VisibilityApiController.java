package dev.rapport.access.visibility;

import dev.rapport.access.VisibilityLevel;
import dev.rapport.access.users.ApiViews;
import dev.rapport.access.users.ApiViews.LevelInput;
import dev.rapport.access.users.ApiViews.VisibilityView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins set who sees which records: the visibility level per object type. */
@RestController
@Tag(name = "Visibility")
class VisibilityApiController {

  private final RecordVisibilityFacade visibility;

  VisibilityApiController(RecordVisibilityFacade visibility) {
    this.visibility = visibility;
  }

  @GetMapping("/api/v1/visibility")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public List<VisibilityView> visibility() {
    return visibility.all().entrySet().stream()
        .map(e -> new VisibilityView(e.getKey(), ApiViews.lower(e.getValue())))
        .toList();
  }

  @PutMapping("/api/v1/visibility/{objectType}")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  public VisibilityView setVisibility(
      @PathVariable String objectType, @RequestBody LevelInput input) {
    VisibilityLevel level = visibility.set(objectType, input.level());
    return new VisibilityView(objectType.strip().toLowerCase(Locale.ROOT), ApiViews.lower(level));
  }
}
