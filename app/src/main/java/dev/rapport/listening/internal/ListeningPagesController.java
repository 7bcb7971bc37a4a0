package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The listening pages: recent mentions, sources with their health and dead letters, rules. */
@Controller
class ListeningPagesController {

  private final SourceAdmin admin;
  private final DeadLetters deadLetters;
  private final Mentions mentions;
  private final ListeningRules rules;

  ListeningPagesController(
      SourceAdmin admin, DeadLetters deadLetters, Mentions mentions, ListeningRules rules) {
    this.admin = admin;
    this.deadLetters = deadLetters;
    this.mentions = mentions;
    this.rules = rules;
  }

  @GetMapping("/listening")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String overview(Model model) {
    model.addAttribute("mentions", mentions.recent(50));
    model.addAttribute("mentionCount", mentions.count());
    return "listening/overview";
  }

  @GetMapping("/listening/sources")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String sources(Model model) {
    model.addAttribute("sources", admin.all());
    model.addAttribute("deadLetters", deadLetters.recent(null, 50));
    model.addAttribute("kinds", SourceKind.values());
    return "listening/sources";
  }

  @PostMapping("/listening/sources")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String create(
      @RequestParam String name,
      @RequestParam String kind,
      @RequestParam(required = false) String config,
      @RequestParam(required = false) Integer pollSeconds,
      Model model,
      RedirectAttributes redirect) {
    try {
      SourceAdmin.Created created =
          admin.create(name, kind, admin.parseConfig(config), pollSeconds);
      redirect.addFlashAttribute("message", "Source '" + created.source().name() + "' created.");
      redirect.addFlashAttribute("token", created.token());
      return "redirect:/listening/sources";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
      model.addAttribute("form", new Form(name, kind, config, pollSeconds));
      return sources(model);
    }
  }

  /** What the user typed, kept when the form is shown again with its errors. */
  record Form(String name, String kind, String config, Integer pollSeconds) {}

  @PostMapping("/listening/sources/{id}/pause")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String pause(@PathVariable long id, RedirectAttributes redirect) {
    redirect.addFlashAttribute("message", "Source '" + admin.pause(id).name() + "' paused.");
    return "redirect:/listening/sources";
  }

  @PostMapping("/listening/sources/{id}/resume")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String resume(@PathVariable long id, RedirectAttributes redirect) {
    redirect.addFlashAttribute("message", "Source '" + admin.resume(id).name() + "' resumed.");
    return "redirect:/listening/sources";
  }

  @GetMapping("/listening/rules")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String rules(Model model) {
    model.addAttribute("rules", rules.all());
    return "listening/rules";
  }

  @PostMapping("/listening/rules")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String createRule(
      @RequestParam String name,
      @RequestParam String keywords,
      Model model,
      RedirectAttributes redirect) {
    try {
      rules.create(name, keywords, true);
      redirect.addFlashAttribute("message", "Rule '" + name.strip() + "' created.");
      return "redirect:/listening/rules";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
      model.addAttribute("name", name);
      model.addAttribute("keywords", keywords);
      return rules(model);
    }
  }

  @PostMapping("/listening/rules/{id}/toggle")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String toggleRule(@PathVariable long id, RedirectAttributes redirect) {
    ListeningRules.Rule r = rules.get(id);
    rules.update(id, r.name(), r.keywords(), !r.enabled());
    redirect.addFlashAttribute(
        "message", "Rule '" + r.name() + "' " + (r.enabled() ? "disabled." : "enabled."));
    return "redirect:/listening/rules";
  }
}
