package dev.rapport.people.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Social identities: resolve one to a person, read or remove one. */
@RestController
@RequestMapping("/api/v1/identities")
@Tag(name = "Identities")
class IdentityApiController {

  /** An identity as a client sends it; email is optional evidence for resolution. */
  record IdentityInput(
      String network,
      String handle,
      String profileUrl,
      String displayName,
      String bio,
      Integer followers,
      String email) {

    IdentityDraft draft() {
      return IdentityDraft.of(network, handle, profileUrl, displayName, bio, followers);
    }
  }

  private final SocialIdentitiesFacade resolution;

  IdentityApiController(SocialIdentitiesFacade resolution) {
    this.resolution = resolution;
  }

  @PostMapping("/resolve")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  @Operation(
      summary =
          "Find the person behind an identity by email, profile URL or handle; create one if none")
  SocialIdentitiesFacade.Resolution resolve(@RequestBody IdentityInput input) {
    return resolution.resolve(input.draft(), input.email(), "api");
  }

  @GetMapping("/{id}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  Identity get(@PathVariable long id) {
    return resolution.get(id);
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  ResponseEntity<Void> delete(@PathVariable long id) {
    resolution.remove(id);
    return ResponseEntity.noContent().build();
  }
}
