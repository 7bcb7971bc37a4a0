package dev.rapport.people.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Persons over HTTP: list with filters, sort and pages; read, create, change, delete; export. */
@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons")
class PersonApiController {

  /** The fields a client sends to create or change a person. */
  record PersonInput(
      String firstName,
      String lastName,
      List<String> emails,
      List<String> phones,
      String title,
      Long accountId,
      Long ownerUserId,
      List<String> tags,
      Boolean mayContact,
      String consentBasis) {

    PersonDraft draft() {
      return new PersonDraft(
          firstName,
          lastName,
          emails,
          phones,
          title,
          accountId,
          ownerUserId,
          tags,
          Boolean.TRUE.equals(mayContact),
          consentBasis);
    }
  }

  private final PersonService persons;
  private final IdentityStore identities;
  private final SocialIdentitiesFacade resolution;
  private final Views views;
  private final CsvExport export;

  PersonApiController(
      PersonService persons,
      IdentityStore identities,
      SocialIdentitiesFacade resolution,
      Views views,
      CsvExport export) {
    this.persons = persons;
    this.identities = identities;
    this.resolution = resolution;
    this.views = views;
    this.export = export;
  }

  @GetMapping
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  @Operation(summary = "List persons; sort by name, created, updated, title or email (,asc|,desc)")
  Views.PageView<Views.PersonView> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) Long owner,
      @RequestParam(required = false) Long account,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    Page<Person> result =
        persons.list(ListQuery.of(q, tag, owner, account, sort, page, size, PersonStore.SORTABLE));
    return views.page(result, views.persons(result.items()));
  }

  @GetMapping("/{id}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  Views.PersonView get(@PathVariable long id) {
    return views.person(persons.get(id));
  }

  @PostMapping
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  ResponseEntity<Views.PersonView> create(@RequestBody PersonInput input) {
    long id = persons.create(input.draft(), "api").value();
    return ResponseEntity.created(URI.create("/api/v1/persons/" + id))
        .body(views.person(persons.get(id)));
  }

  @PutMapping("/{id}")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  Views.PersonView update(@PathVariable long id, @RequestBody PersonInput input) {
    return views.person(persons.update(id, input.draft()));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  ResponseEntity<Void> delete(@PathVariable long id) {
    persons.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/identities")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  List<Identity> identities(@PathVariable long id) {
    persons.get(id);
    return identities.ofPerson(id);
  }

  @PostMapping("/{id}/identities")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  ResponseEntity<Identity> addIdentity(
      @PathVariable long id, @RequestBody IdentityApiController.IdentityInput input) {
    Identity identity = resolution.attach(id, input.draft());
    return ResponseEntity.created(URI.create("/api/v1/identities/" + identity.id())).body(identity);
  }

  @GetMapping("/export.csv")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  @Operation(summary = "All visible persons as CSV, in the columns the import reads")
  void exportCsv(HttpServletResponse response) throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"persons.csv\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    export.persons(response.getWriter());
  }
}
