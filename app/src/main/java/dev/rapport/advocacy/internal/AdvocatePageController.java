package dev.rapport.advocacy.internal;

import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /advocates: the leaderboard (who brought whom and how much), the advocates and candidates with
 * the reasons behind their scores, their referral links to copy, and asks with their outcomes.
 */
@Controller
class AdvocatePageController {

  private final AdvocacyViews views;
  private final Referrals referrals;
  private final Asks asks;
  private final AdvocacyStore store;
  private final CampaignStore campaigns;
  private final RecordAccess records;
  private final PublicUrl publicUrl;
  private final ReferralStore referralStore;

  AdvocatePageController(
      ReferralStore referralStore,
      AdvocacyViews views,
      Referrals referrals,
      Asks asks,
      AdvocacyStore store,
      CampaignStore campaigns,
      RecordAccess records,
      PublicUrl publicUrl) {
    this.views = views;
    this.referrals = referrals;
    this.asks = asks;
    this.store = store;
    this.campaigns = campaigns;
    this.records = records;
    this.publicUrl = publicUrl;
    this.referralStore = referralStore;
  }

  @GetMapping("/advocates")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String page(Model model) {
    model.addAttribute("leaderboard", views.leaderboard(20));
    model.addAttribute("advocates", views.advocates("ADVOCATE", 0, 100).items());
    model.addAttribute("candidates", views.advocates("CANDIDATE", 0, 100).items());
    model.addAttribute("codes", views.codes(null, publicUrl.base(), 200));
    model.addAttribute("asks", asks.list(null, false, 50));
    model.addAttribute("campaigns", campaigns.all());
    model.addAttribute("settings", store.settings());
    return "advocacy/advocates";
  }

  @PostMapping("/advocates/codes")
  @PreAuthorize("@access.allows('ADVOCACY_WRITE')")
  String issue(
      @RequestParam long personId,
      @RequestParam(required = false) Long campaignId,
      RedirectAttributes flash) {
    PersonId person = new PersonId(personId);
    records.requireChangeablePerson(person);
    try {
      ReferralStore.Code c = referrals.issue(person, campaignId);
      flash.addFlashAttribute(
          "message", "New referral link: " + publicUrl.base() + "/r/" + c.code());
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/advocates";
  }

  @PostMapping("/advocates/codes/{code}/revoke")
  @PreAuthorize("@access.allows('ADVOCACY_WRITE')")
  String revoke(@PathVariable String code, RedirectAttributes flash) {
    if (!Referrals.CODE.matcher(code).matches()) {
      throw new NotFoundException("referral code", code);
    }
    ReferralStore.Code c =
        referralStore.code(code).orElseThrow(() -> new NotFoundException("referral code", code));
    records.requireChangeablePerson(new PersonId(c.person()));
    referrals.revoke(code);
    flash.addFlashAttribute("message", "Referral code " + code + " revoked.");
    return "redirect:/advocates";
  }

  @PostMapping("/advocates/asks")
  @PreAuthorize("@access.allows('ADVOCACY_WRITE')")
  String ask(
      @RequestParam long personId,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    PersonId person = new PersonId(personId);
    records.requireChangeablePerson(person);
    try {
      Asks.Ask a = asks.ask(person, kind, note);
      flash.addFlashAttribute("message", "Asked for a " + Asks.word(a.kind()) + ".");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/advocates";
  }

  @PostMapping("/advocates/asks/{id}/outcome")
  @PreAuthorize("@access.allows('ADVOCACY_WRITE')")
  String outcome(
      @PathVariable long id,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    Asks.Ask ask = asks.find(id).orElseThrow(() -> new NotFoundException("ask", id));
    records.requireChangeablePerson(new PersonId(ask.person()));
    try {
      asks.outcome(id, outcome, note);
      flash.addFlashAttribute("message", "Outcome recorded.");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/advocates";
  }
}
