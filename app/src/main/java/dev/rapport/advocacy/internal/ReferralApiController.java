package dev.rapport.advocacy.internal;

import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referral codes over JSON: the codes with their clicks and referred persons, a new code for an
 * advocate (optionally for a campaign), revoking one, an advocate's credits, and the signup
 * webhook's token.
 */
@RestController
@Tag(name = "Advocacy")
@RequestMapping(path = "/api/v1/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
class ReferralApiController {

  record IssueBody(Long personId, Long campaignId) {}

  record Credit(
      long opportunityId,
      long referredPersonId,
      java.math.BigDecimal amount,
      java.math.BigDecimal margin,
      String currency,
      java.time.Instant wonAt) {}

  record CodeDetail(AdvocacyViews.CodeView code, List<Credit> credits) {}

  private final Referrals referrals;
  private final ReferralStore store;
  private final AdvocacyViews views;
  private final RecordAccess records;
  private final PublicUrl publicUrl;
  private final SignupTokens tokens;

  ReferralApiController(
      Referrals referrals,
      ReferralStore store,
      AdvocacyViews views,
      RecordAccess records,
      PublicUrl publicUrl,
      SignupTokens tokens) {
    this.referrals = referrals;
    this.store = store;
    this.views = views;
    this.records = records;
    this.publicUrl = publicUrl;
    this.tokens = tokens;
  }

  @GetMapping
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  AdvocacyViews.PageView<AdvocacyViews.CodeView> list(
      @RequestParam(required = false) Long personId, @RequestParam(defaultValue = "100") int size) {
    AdvocateApiController.paging(0, size);
    PersonId person = personId == null ? null : new PersonId(personId);
    if (person != null) {
      records.requireVisiblePerson(person);
    }
    List<AdvocacyViews.CodeView> codes = views.codes(person, publicUrl.base(), size);
    return new AdvocacyViews.PageView<>(codes, 0, size, codes.size());
  }

  @PostMapping
  @PreAuthorize("@access.allows('ADVOCACY_WRITE')")
  @ResponseStatus(HttpStatus.CREATED)
  AdvocacyViews.CodeView issue(@RequestBody IssueBody body) {
    if (body == null || body.personId() == null) {
      throw InvalidInputException.of("personId", "is required: the advocate the code is for");
    }
    PersonId person = new PersonId(body.personId());
    records.requireChangeablePerson(person);
    return views.code(referrals.issue(person, body.campaignId()), publicUrl.base());
  }

  @GetMapping("/{code}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  CodeDetail one(@PathVariable String code) {
    ReferralStore.Code c = visible(code);
    List<Credit> credits =
        store.credits(new PersonId(c.person())).stream()
            .map(
                r ->
                    new Credit(
                        (Long) r[0],
                        (Long) r[1],
                        (java.math.BigDecimal) r[2],
                        (java.math.BigDecimal) r[3],
                        (String) r[4],
                        (java.time.Instant) r[5]))
            .toList();
    return new CodeDetail(views.code(c, publicUrl.base()), credits);
  }

  @PostMapping("/{code}/revoke")
  @PreAuthorize("@access.allows('ADVOCACY_WRITE')")
  AdvocacyViews.CodeView revoke(@PathVariable String code) {
    ReferralStore.Code c = visible(code);
    records.requireChangeablePerson(new PersonId(c.person()));
    return views.code(referrals.revoke(c.code()), publicUrl.base());
  }

  /** Makes a new token for the signup webhook, shown once; the old one stops working. */
  @PostMapping("/signup-token")
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> newToken() {
    return Map.of(
        "token",
        tokens.rotate(),
        "use",
        "POST /api/v1/referrals/signups with 'Authorization: Bearer <token>'");
  }

  private ReferralStore.Code visible(String code) {
    if (code == null || !Referrals.CODE.matcher(code).matches()) {
      throw new NotFoundException("referral code", code);
    }
    ReferralStore.Code c =
        store.code(code).orElseThrow(() -> new NotFoundException("referral code", code));
    records.requireVisiblePerson(new PersonId(c.person()));
    return c;
  }
}
