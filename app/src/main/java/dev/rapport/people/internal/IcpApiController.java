package dev.rapport.people.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ideal customer profile settings, and a person's fit. */
@RestController
@RequestMapping("/api/v1/icp")
@Tag(name = "Ideal customer profile")
class IcpApiController {

  private final Icp icp;
  private final PersonService persons;
  private final Views views;

  IcpApiController(Icp icp, PersonService persons, Views views) {
    this.icp = icp;
    this.persons = persons;
    this.views = views;
  }

  @GetMapping
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  Icp.Profile profile() {
    return icp.profile();
  }

  @PutMapping
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  Icp.Profile replace(@RequestBody Icp.Profile profile) {
    return icp.replace(profile);
  }

  @GetMapping("/fit/{personId}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  Icp.Fit fit(@PathVariable long personId) {
    return views.person(persons.get(personId)).fit();
  }
}
