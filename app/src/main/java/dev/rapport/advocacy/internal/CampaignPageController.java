package dev.rapport.advocacy.internal;

import dev.rapport.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /campaigns: the campaigns with their links, tags and tagged touchpoints, and the form. */
@Controller
class CampaignPageController {

  private final Campaigns campaigns;
  private final CampaignStore store;

  CampaignPageController(Campaigns campaigns, CampaignStore store) {
    this.campaigns = campaigns;
    this.store = store;
  }

  record Row(CampaignStore.Campaign campaign, List<String> tags, List<CampaignStore.Link> links) {}

  @GetMapping("/campaigns")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String page(Model model) {
    model.addAttribute(
        "rows",
        store.all().stream()
            .map(c -> new Row(c, store.tags(c.id()), store.links(c.id())))
            .toList());
    return "advocacy/campaigns";
  }

  @PostMapping("/campaigns")
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  String create(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String cost,
      @RequestParam(required = false) String currency,
      @RequestParam(required = false) String startsOn,
      @RequestParam(required = false) String endsOn,
      @RequestParam(required = false) String landingUrl,
      @RequestParam(required = false) String tags,
      @RequestParam(required = false) String link,
      RedirectAttributes flash) {
    List<String> tagList =
        tags == null || tags.isBlank()
            ? List.of()
            : Arrays.stream(tags.split(",")).map(String::strip).toList();
    List<String> links = link == null || link.isBlank() ? List.of() : List.of(link);
    try {
      CampaignStore.Campaign c =
          campaigns.create(
              new Campaigns.Draft(
                  name, channel, cost, currency, startsOn, endsOn, landingUrl, tagList, links));
      flash.addFlashAttribute("message", "Campaign '" + c.name() + "' created.");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/campaigns";
  }

  @PostMapping("/campaigns/{id}/links")
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  String addLink(
      @PathVariable long id, @RequestParam(required = false) String url, RedirectAttributes flash) {
    try {
      campaigns.addLink(id, url);
      flash.addFlashAttribute("message", "Tracking link added.");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/campaigns";
  }
}
