package dev.rapport.advocacy.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.NotFoundException;
import dev.rapport.timeline.Touchpoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns as the marketing user makes them: every field checked and each refusal named, tracking
 * links refused without their UTM parameters, tags refused with spaces or emoji; and the tagging of
 * touchpoints that carry a campaign's link (its utm_campaign) or one of its tags.
 */
@Service
class Campaigns {

  /** A campaign to make, as it came in (strings, so each field can be refused by name). */
  record Draft(
      String name,
      String channel,
      String cost,
      String currency,
      String startsOn,
      String endsOn,
      String landingUrl,
      List<String> tags,
      List<String> links) {}

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final CampaignStore store;

  Campaigns(CampaignStore store) {
    this.store = store;
  }

  @Transactional
  CampaignStore.Campaign create(Draft d) {
    List<FieldError> errors = new ArrayList<>();
    String name = d.name() == null ? "" : d.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      errors.add(new FieldError("name", "is required, at most 200 characters"));
    } else if (store.nameTaken(name)) {
      errors.add(new FieldError("name", "a campaign named '" + name + "' exists already"));
    }
    String channel = d.channel() == null ? "" : d.channel().strip();
    if (channel.isEmpty() || channel.length() > 60) {
      errors.add(
          new FieldError("channel", "is required (like email, social, event), at most 60 chars"));
    }
    BigDecimal cost = null;
    try {
      cost = new BigDecimal(d.cost() == null || d.cost().isBlank() ? "0" : d.cost().strip());
      if (cost.signum() < 0 || cost.scale() > 2 || cost.precision() - cost.scale() > 12) {
        errors.add(new FieldError("cost", "must be 0 or more with at most 2 decimals"));
      }
    } catch (NumberFormatException e) {
      errors.add(new FieldError("cost", "is not a number: '" + d.cost() + "'"));
    }
    String currency =
        d.currency() == null || d.currency().isBlank()
            ? "EUR"
            : d.currency().strip().toUpperCase(Locale.ROOT);
    if (!CURRENCY.matcher(currency).matches()) {
      errors.add(new FieldError("currency", "must be a three-letter code like EUR"));
    }
    LocalDate starts = date("startsOn", d.startsOn(), true, errors);
    LocalDate ends = date("endsOn", d.endsOn(), false, errors);
    if (starts != null && ends != null && ends.isBefore(starts)) {
      errors.add(new FieldError("endsOn", "is before startsOn"));
    }
    errors.addAll(TrackingUrls.checkLanding("landingUrl", d.landingUrl()));
    List<String> tags = new ArrayList<>();
    List<String> raw = d.tags() == null ? List.of() : d.tags();
    for (int i = 0; i < raw.size(); i++) {
      String field = "tags[" + i + "]";
      Optional<String> t = TrackingUrls.tag(field, raw.get(i), errors);
      if (t.isPresent()) {
        if (tags.contains(t.get())) {
          continue;
        }
        Optional<Long> other = store.campaignOfTag(t.get());
        if (other.isPresent()) {
          errors.add(
              new FieldError(field, "#" + t.get() + " already tags campaign " + other.get()));
        } else {
          tags.add(t.get());
        }
      }
    }
    List<Map<String, String>> links = new ArrayList<>();
    List<String> rawLinks = d.links() == null ? List.of() : d.links();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rawLinks.size(); i++) {
      Map<String, String> utm = checkLink("links[" + i + "]", rawLinks.get(i), null, errors);
      if (!utm.isEmpty() && seen.add(rawLinks.get(i))) {
        links.add(utm);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Instant now = AdvocacyScoring.now();
    long id =
        store.insert(name, channel, cost, currency, starts, ends, d.landingUrl().strip(), now);
    tags.forEach(t -> store.insertTag(id, t));
    for (int i = 0; i < links.size(); i++) {
      save(id, rawLinks.get(i).strip(), links.get(i), now);
    }
    return store.find(id).orElseThrow();
  }

  @Transactional
  CampaignStore.Link addLink(long campaignId, String url) {
    store.find(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> utm = checkLink("url", url, campaignId, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    long id = save(campaignId, url.strip(), utm, AdvocacyScoring.now());
    return store.links(campaignId).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
  }

  private Map<String, String> checkLink(
      String field, String url, Long campaignId, List<FieldError> errors) {
    int before = errors.size();
    Map<String, String> utm =
        TrackingUrls.checkTracking(field, url == null ? null : url.strip(), errors);
    if (errors.size() > before) {
      return Map.of();
    }
    String campaign = utm.get("utm_campaign");
    Optional<Long> other = store.campaignOfUtm(campaign);
    if (other.isPresent() && !other.get().equals(campaignId)) {
      errors.add(
          new FieldError(
              field, "utm_campaign=" + campaign + " already tracks campaign " + other.get()));
      return Map.of();
    }
    return utm;
  }

  private long save(long campaignId, String url, Map<String, String> utm, Instant at) {
    return store.insertLink(
        campaignId, url, utm.get("utm_source"), utm.get("utm_medium"), utm.get("utm_campaign"), at);
  }

  private static LocalDate date(
      String field, String value, boolean required, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "is required (YYYY-MM-DD)"));
      }
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "is not a date (YYYY-MM-DD): '" + value + "'"));
      return null;
    }
  }

  /**
   * Tags the touchpoint with the campaign whose link (utm_campaign in its text or source URL) or
   * tag it carries: links first, then tags, in the order they appear. Once per touchpoint.
   */
  @Transactional
  Optional<Long> attribute(Touchpoint t) {
    String text =
        (t.summary() == null ? "" : t.summary())
            + " "
            + (t.source() == null || t.source().url() == null ? "" : t.source().url());
    List<String> utms = TrackingUrls.utmCampaigns(text);
    List<String> tags = TrackingUrls.tags(text);
    if (utms.isEmpty() && tags.isEmpty()) {
      return Optional.empty();
    }
    List<Object[]> markers = store.markers(utms, tags);
    for (String kind : List.of("utm", "tag")) {
      for (String value : kind.equals("utm") ? utms : tags) {
        for (Object[] m : markers) {
          if (m[0].equals(kind) && m[1].equals(value)) {
            long campaign = (Long) m[2];
            store.attribute(
                t.id(),
                campaign,
                t.person() == null ? null : t.person().value(),
                kind,
                kind.equals("utm") ? "utm_campaign=" + value : "#" + value,
                AdvocacyScoring.now());
            return Optional.of(campaign);
          }
        }
      }
    }
    return Optional.empty();
  }
}
