package dev.rapport.advocacy.internal;

import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.ProductLine;
import dev.rapport.lifecycle.Stage;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.people.SocialIdentities;
import dev.rapport.sales.DealWon;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.NotFoundException;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral codes and what comes through them: a click (the redirect records when, nothing about the
 * visitor), a signup (the referred person is created or found, enters awareness "referred by" the
 * advocate, with a REFERRAL touchpoint on both timelines) and a won deal of a referred person (its
 * revenue and margin credited to the advocate once per opportunity).
 */
@Service
class Referrals {

  /** How a code looks: lower-case letters and digits without the easily confused ones. */
  static final Pattern CODE = Pattern.compile("[a-z0-9]{4,40}");

  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String SOURCE_REFERRED = "advocacy.referral";
  static final String SOURCE_MADE = "advocacy.referral-made";
  static final ChangedBy BY = ChangedBy.rule("referral");

  /** A signup as the webhook delivers it. */
  record Signup(
      String code, String name, String email, String network, String handle, String signupId) {}

  /** What a signup did: the referral, whether it is new, and the advocate's name. */
  record SignedUp(ReferralStore.Referral referral, boolean created, String advocateName) {}

  /** Why a code cannot be used. */
  static final class CodeRefused extends RuntimeException {
    final boolean revoked;

    CodeRefused(String code, boolean revoked) {
      super(
          revoked
              ? "referral code '" + code + "' was revoked"
              : "referral code '" + code + "' does not exist");
      this.revoked = revoked;
    }
  }

  private final ReferralStore store;
  private final AdvocacyStore advocacy;
  private final AdvocacyScoring scoring;
  private final CampaignStore campaigns;
  private final Persons persons;
  private final SocialIdentities identities;
  private final Lifecycle lifecycle;
  private final Timeline timeline;

  Referrals(
      ReferralStore store,
      AdvocacyStore advocacy,
      AdvocacyScoring scoring,
      CampaignStore campaigns,
      Persons persons,
      SocialIdentities identities,
      Lifecycle lifecycle,
      Timeline timeline) {
    this.store = store;
    this.advocacy = advocacy;
    this.scoring = scoring;
    this.campaigns = campaigns;
    this.persons = persons;
    this.identities = identities;
    this.lifecycle = lifecycle;
    this.timeline = timeline;
  }

  /** A new code for an advocate or candidate on the list, optionally for a campaign. */
  @Transactional
  ReferralStore.Code issue(PersonId advocate, Long campaignId) {
    List<FieldError> errors = new ArrayList<>();
    if (advocacy.advocate(advocate).isEmpty()) {
      errors.add(
          new FieldError(
              "personId", "is not an advocate or candidate; add them to the advocates first"));
    }
    if (campaignId != null && campaigns.find(campaignId).isEmpty()) {
      errors.add(new FieldError("campaignId", "no campaign " + campaignId));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String code = newCode();
    store.insertCode(code, advocate, campaignId, AdvocacyScoring.now());
    return store.code(code).orElseThrow();
  }

  static String newCode() {
    StringBuilder b = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  @Transactional
  ReferralStore.Code revoke(String code) {
    ReferralStore.Code c =
        store.code(code).orElseThrow(() -> new NotFoundException("referral code", code));
    store.revoke(code, AdvocacyScoring.now());
    return store.code(c.code()).orElseThrow();
  }

  /**
   * Records a click and answers where it goes: the campaign's landing page, else the workspace's,
   * with the code as {@code ref}. Only stored data decide the target, never the request.
   */
  @Transactional
  String click(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new CodeRefused(String.valueOf(code), false);
    }
    ReferralStore.Target t = store.target(code).orElseThrow(() -> new CodeRefused(code, false));
    if (t.revoked()) {
      throw new CodeRefused(code, true);
    }
    store.click(t.id(), Instant.now());
    String landing =
        t.campaignLanding() != null ? t.campaignLanding() : advocacy.settings().landingUrl();
    return withRef(landing, code);
  }

  /** How many clicks the code has had. */
  long clicks(String code) {
    return store.code(code).map(ReferralStore.Code::clicks).orElse(0L);
  }

  static String withRef(String url, String code) {
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    return base + (base.contains("?") ? "&" : "?") + "ref=" + code + fragment;
  }

  /**
   * A signup through a code: checks the input, finds or creates the person, records the referral
   * once per person and, for a new one, the awareness entry and the touchpoints, all in one
   * transaction (so the lifecycle's entry rule, which runs after the commit, finds them staged).
   */
  @Transactional
  SignedUp signup(Signup s) {
    List<FieldError> errors = new ArrayList<>();
    String code = s.code() == null ? "" : s.code().strip().toLowerCase(java.util.Locale.ROOT);
    if (code.isEmpty()) {
      errors.add(new FieldError("code", "is required"));
    } else if (!CODE.matcher(code).matches()) {
      errors.add(new FieldError("code", "is not a referral code (4 to 40 letters and digits)"));
    }
    String name = s.name() == null ? "" : s.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      errors.add(new FieldError("name", "is required, at most 200 characters"));
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("name", "contains control characters"));
    }
    String email = s.email() == null ? null : s.email().strip();
    if (email != null
        && !email.isEmpty()
        && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
      errors.add(new FieldError("email", "is not an email address"));
    }
    Network network = Network.OTHER;
    if (s.network() != null && !s.network().isBlank()) {
      try {
        network = Network.parse(s.network());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("network", e.getMessage()));
      }
    }
    String handle = s.handle() == null || s.handle().isBlank() ? email : s.handle().strip();
    if (handle == null || handle.isEmpty()) {
      errors.add(new FieldError("email", "an email or a handle is required"));
    } else if (handle.length() > 200 || handle.chars().anyMatch(c -> c <= ' ')) {
      errors.add(new FieldError("handle", "at most 200 characters, without spaces"));
    }
    String signupId = s.signupId() == null ? null : s.signupId().strip();
    if (signupId != null && signupId.length() > 200) {
      errors.add(new FieldError("signupId", "at most 200 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    ReferralStore.Code c = store.code(code).orElseThrow(() -> new CodeRefused(code, false));
    if (c.revoked()) {
      throw new CodeRefused(code, true);
    }
    PersonId advocate = new PersonId(c.person());
    PersonId referred = identities.resolveAuthor(network, handle, null, name, null, null);
    if (referred.equals(advocate)) {
      throw InvalidInputException.of("code", "an advocate cannot refer themselves");
    }
    String advocateName = name(advocate);
    Optional<ReferralStore.Referral> earlier = store.referralOf(referred);
    if (earlier.isPresent()) {
      return new SignedUp(earlier.get(), false, name(new PersonId(earlier.get().advocate())));
    }
    Instant now = AdvocacyScoring.now();
    ReferralStore.Referral r = store.refer(c.id(), advocate, referred, signupId, now);
    enterAwareness(referred, "referred by " + advocateName, now);
    String referredName = name(referred);
    timeline.append(
        NewTouchpoint.of(
            referred,
            null,
            TouchpointKind.REFERRAL,
            "referral",
            Direction.IN,
            now,
            null,
            "referred by " + advocateName + " (code " + code + ")",
            new SourceRef(SOURCE_REFERRED, Long.toString(r.id()), null)));
    timeline.append(
        NewTouchpoint.of(
            advocate,
            null,
            TouchpointKind.REFERRAL,
            "referral",
            Direction.OUT,
            now,
            null,
            "referred " + referredName + " (code " + code + ")",
            new SourceRef(SOURCE_MADE, Long.toString(r.id()), null)));
    advocacy.addSignal(
        advocate,
        Signal.Kind.REFERRAL,
        "referral",
        Long.toString(r.id()),
        "referred " + referredName,
        now);
    scoring.rescore(advocate, "referral " + r.id());
    return new SignedUp(r, true, advocateName);
  }

  /**
   * Moves a person who stands nowhere yet on the default product line into its first awareness
   * stage, with the reason; a person known already keeps their stage.
   */
  private void enterAwareness(PersonId person, String why, Instant at) {
    List<ProductLine> lines = lifecycle.productLines();
    if (lines.isEmpty()) {
      return;
    }
    long line = lines.get(0).id();
    boolean staged =
        lifecycle.currentStages(person).stream()
            .map(CurrentStage::productLine)
            .anyMatch(p -> p.id() == line);
    if (staged) {
      return;
    }
    Optional<Stage> awareness =
        lifecycle.activeModel().stages().stream()
            .filter(st -> st.countsAs() == CountsAs.AWARENESS)
            .findFirst()
            .or(() -> lifecycle.activeModel().stages().stream().findFirst());
    awareness.ifPresent(st -> lifecycle.moveAt(person, line, st.id(), BY, why, at));
  }

  /**
   * Credits the advocate who brought one of the deal's persons with its revenue and margin, once
   * per opportunity (the first referred person of the deal decides); false when nothing to credit.
   */
  @Transactional
  boolean credit(DealWon won) {
    for (PersonId p : won.persons()) {
      Optional<ReferralStore.Referral> r = store.referralOf(persons.current(p));
      if (r.isEmpty()) {
        continue;
      }
      ReferralStore.Referral referral = r.get();
      boolean credited =
          store.credit(
              won.opportunityId(),
              referral,
              won.amount(),
              won.margin(),
              won.currency(),
              won.wonAt(),
              AdvocacyScoring.now());
      if (credited) {
        PersonId advocate = new PersonId(referral.advocate());
        advocacy.addSignal(
            advocate,
            Signal.Kind.REFERRAL_WON,
            "opportunity",
            Long.toString(won.opportunityId()),
            name(new PersonId(referral.referred()))
                + " (referred) won a deal: "
                + money(won.amount(), won.currency())
                + (won.margin() == null ? "" : ", margin " + money(won.margin(), won.currency())),
            won.wonAt());
        scoring.rescore(advocate, "deal won " + won.opportunityId());
      }
      return credited;
    }
    return false;
  }

  static String money(BigDecimal amount, String currency) {
    return String.format(
        java.util.Locale.ROOT, "%,.2f %s", amount.setScale(2, RoundingMode.HALF_UP), currency);
  }

  String name(PersonId person) {
    return persons.find(person).map(PersonSummary::name).orElse("person " + person.value());
  }
}
