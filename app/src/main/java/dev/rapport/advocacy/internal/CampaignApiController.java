package dev.rapport.advocacy.internal;

import dev.rapport.shared.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns over JSON: list, make one (channel, cost, dates, landing page, tags, tracking links),
 * add a tracking link, and which campaign tagged a touchpoint.
 */
@RestController
@Tag(name = "Campaigns")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignApiController {

  record LinkBody(String url) {}

  record CampaignView(
      CampaignStore.Campaign campaign, List<String> tags, List<CampaignStore.Link> links) {}

  private final Campaigns campaigns;
  private final CampaignStore store;
  private final dev.rapport.people.RecordAccess records;

  CampaignApiController(
      Campaigns campaigns, CampaignStore store, dev.rapport.people.RecordAccess records) {
    this.campaigns = campaigns;
    this.store = store;
    this.records = records;
  }

  CampaignView view(CampaignStore.Campaign c) {
    return new CampaignView(c, store.tags(c.id()), store.links(c.id()));
  }

  @GetMapping("/campaigns")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  AdvocacyViews.PageView<CampaignView> list() {
    List<CampaignView> items = store.all().stream().map(this::view).toList();
    return new AdvocacyViews.PageView<>(items, 0, items.size(), items.size());
  }

  @PostMapping("/campaigns")
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  @ResponseStatus(HttpStatus.CREATED)
  CampaignView create(@RequestBody(required = false) Campaigns.Draft draft) {
    Campaigns.Draft d =
        draft == null
            ? new Campaigns.Draft(null, null, null, null, null, null, null, null, null)
            : draft;
    return view(campaigns.create(d));
  }

  @GetMapping("/campaigns/{id}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  CampaignView one(@PathVariable long id) {
    return view(store.find(id).orElseThrow(() -> new NotFoundException("campaign", id)));
  }

  @PostMapping("/campaigns/{id}/links")
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  @ResponseStatus(HttpStatus.CREATED)
  CampaignStore.Link addLink(@PathVariable long id, @RequestBody(required = false) LinkBody body) {
    return campaigns.addLink(id, body == null ? null : body.url());
  }

  @GetMapping("/campaigns/touchpoints/{touchpointId}")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  CampaignStore.Attribution attribution(@PathVariable long touchpointId) {
    CampaignStore.Attribution a =
        store
            .attribution(touchpointId)
            .orElseThrow(
                () -> new NotFoundException("campaign attribution of touchpoint", touchpointId));
    if (a.person() != null) {
      records.requireVisiblePerson(new dev.rapport.people.PersonId(a.person()));
    }
    return a;
  }
}
