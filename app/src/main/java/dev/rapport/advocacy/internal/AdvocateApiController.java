package dev.rapport.advocacy.internal;

import dev.rapport.advocacy.AdvocacyScore;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The advocates over JSON: the saved list with each score's reasons, adding by hand, the
 * leaderboard, a person's advocacy and the workspace's threshold and landing page.
 */
@RestController
@Tag(name = "Advocacy")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AdvocateApiController {

  record AddBody(Long personId, String reason) {}

  record PersonAdvocacy(
      long personId,
      String status,
      AdvocacyScore score,
      List<Change> history,
      List<AdvocacyViews.CodeView> codes) {}

  /** One appended score change. */
  record Change(int score, String cause, java.time.Instant at) {}

  record SettingsBody(Integer threshold, String landingUrl) {}

  private final AdvocacyViews views;
  private final AdvocacyStore store;
  private final AdvocacyScoring scoring;
  private final RecordAccess records;
  private final dev.rapport.access.Actors actors;
  private final PublicUrl publicUrl;

  AdvocateApiController(
      AdvocacyViews views,
      AdvocacyStore store,
      AdvocacyScoring scoring,
      RecordAccess records,
      dev.rapport.access.Actors actors,
      PublicUrl publicUrl) {
    this.publicUrl = publicUrl;
    this.views = views;
    this.store = store;
    this.scoring = scoring;
    this.records = records;
    this.actors = actors;
  }

  static String status(String status) {
    if (status == null || status.isBlank() || status.equalsIgnoreCase("all")) {
      return null;
    }
    String s = status.strip().toUpperCase(Locale.ROOT);
    if (!s.equals("ADVOCATE") && !s.equals("CANDIDATE")) {
      throw InvalidInputException.of("status", "is one of advocate, candidate, all");
    }
    return s;
  }

  static void paging(int page, int size) {
    List<FieldError> errors = new ArrayList<>();
    if (page < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    }
    if (size < 1 || size > 200) {
      errors.add(new FieldError("size", "must be between 1 and 200"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  @GetMapping("/advocates")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  AdvocacyViews.PageView<AdvocacyViews.AdvocateView> list(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    paging(page, size);
    return views.advocates(status(status), page, size);
  }

  @PostMapping("/advocates")
  @PreAuthorize("@access.allows('ADVOCACY_WRITE')")
  @Transactional
  AdvocacyViews.AdvocateView add(@RequestBody AddBody body) {
    if (body == null || body.personId() == null) {
      throw InvalidInputException.of("personId", "is required");
    }
    PersonId person = new PersonId(body.personId());
    records.requireChangeablePerson(person);
    String reason =
        body.reason() == null || body.reason().isBlank() ? "added by hand" : body.reason().strip();
    if (reason.length() > 500) {
      throw InvalidInputException.of("reason", "at most 500 characters");
    }
    AdvocacyScore s = scoring.rescore(person, "added by hand");
    store.enlist(person, "ADVOCATE", "by " + actors.current().name(), reason, s.total(), s.asOf());
    return views.view(store.advocate(person).orElseThrow()).orElseThrow();
  }

  @GetMapping("/advocates/leaderboard")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  List<AdvocacyViews.LineView> leaderboard(@RequestParam(defaultValue = "20") int size) {
    paging(0, size);
    return views.leaderboard(size);
  }

  @GetMapping("/persons/{id}/advocacy")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  PersonAdvocacy person(@PathVariable long id) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    return new PersonAdvocacy(
        id,
        store.advocate(person).map(AdvocacyStore.Advocate::status).orElse(null),
        scoring.current(person),
        store.history(person, 50).stream()
            .map(h -> new Change((Integer) h[0], (String) h[1], (java.time.Instant) h[2]))
            .toList(),
        views.codes(person, publicUrl.base(), 50));
  }

  @GetMapping("/advocacy/settings")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  AdvocacyStore.Settings settings() {
    return store.settings();
  }

  @PutMapping("/advocacy/settings")
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  AdvocacyStore.Settings saveSettings(@RequestBody SettingsBody body) {
    List<FieldError> errors = new ArrayList<>();
    AdvocacyStore.Settings now = store.settings();
    int threshold = body == null || body.threshold() == null ? now.threshold() : body.threshold();
    if (threshold < 1 || threshold > 100) {
      errors.add(new FieldError("threshold", "must be between 1 and 100"));
    }
    String landing =
        body == null || body.landingUrl() == null ? now.landingUrl() : body.landingUrl().strip();
    errors.addAll(TrackingUrls.checkLanding("landingUrl", landing));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    store.saveSettings(new AdvocacyStore.Settings(threshold, landing));
    return store.settings();
  }
}
