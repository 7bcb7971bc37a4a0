package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The listening pages: recent mentions, sources with their health and dead letters, rules. */
@Controller
class ListeningPagesController {

  private final SourceAdmin admin;
  private final DeadLetters deadLetters;
  private final Mentions mentions;
  private final ListeningRules rules;
  private final RuleTester tester;

  ListeningPagesController(
      SourceAdmin admin,
      DeadLetters deadLetters,
      Mentions mentions,
      ListeningRules rules,
      RuleTester tester) {
    this.admin = admin;
    this.deadLetters = deadLetters;
    this.mentions = mentions;
    this.rules = rules;
    this.tester = tester;
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
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new RuleForm(null, "", ""));
    }
    return "listening/rules";
  }

  @GetMapping("/listening/rules/{id}/edit")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String editRule(@PathVariable long id, Model model) {
    ListeningRules.Rule r = rules.get(id);
    model.addAttribute("form", new RuleForm(r.id(), r.name(), r.query()));
    return rules(model);
  }

  @PostMapping("/listening/rules")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String createRule(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String query,
      @RequestParam(required = false) String keywords,
      Model model,
      RedirectAttributes redirect) {
    RuleForm form = new RuleForm(null, name, query != null ? query : keywords);
    try {
      ListeningRules.Rule created = rules.create(form.name(), form.query(), true, "query");
      redirect.addFlashAttribute("message", "Rule '" + created.name() + "' created.");
      return "redirect:/listening/rules";
    } catch (InvalidInputException e) {
      return refused(form, e, model);
    }
  }

  @PostMapping("/listening/rules/{id}")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String updateRule(
      @PathVariable long id,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String query,
      Model model,
      RedirectAttributes redirect) {
    RuleForm form = new RuleForm(id, name, query);
    try {
      ListeningRules.Rule updated =
          rules.update(id, form.name(), form.query(), rules.get(id).enabled(), "query");
      redirect.addFlashAttribute("message", "Rule '" + updated.name() + "' saved.");
      return "redirect:/listening/rules";
    } catch (InvalidInputException e) {
      return refused(form, e, model);
    }
  }

  private String refused(RuleForm form, InvalidInputException e, Model model) {
    model.addAttribute("errors", e.errors());
    model.addAttribute("form", form);
    if (e instanceof RuleQueryRefused q) {
      model.addAttribute("parseError", q.error());
      model.addAttribute("pointer", q.pointer());
    }
    return rules(model);
  }

  @PostMapping("/listening/rules/{id}/enable")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String enableRule(@PathVariable long id, RedirectAttributes redirect) {
    redirect.addFlashAttribute("message", "Rule '" + rules.enable(id, true).name() + "' enabled.");
    return "redirect:/listening/rules";
  }

  @PostMapping("/listening/rules/{id}/disable")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String disableRule(@PathVariable long id, RedirectAttributes redirect) {
    redirect.addFlashAttribute(
        "message", "Rule '" + rules.enable(id, false).name() + "' disabled.");
    return "redirect:/listening/rules";
  }

  /**
   * Tests the query in the form against recent mentions: the results fragment for htmx, the whole
   * page (form kept) for a browser without script.
   */
  @PostMapping("/listening/rules/test")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String testRule(
      @RequestParam(required = false) Long id,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String query,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model) {
    try {
      model.addAttribute("test", tester.test("query", query, RuleTester.DEFAULT_LIMIT));
    } catch (RuleQueryRefused e) {
      model.addAttribute("testError", e.error());
      model.addAttribute("testPointer", e.pointer());
    }
    if (htmx != null) {
      return "listening/rule-test :: results";
    }
    model.addAttribute("form", new RuleForm(id, name, query));
    return rules(model);
  }

  /** The rule form as the user filled it; id is null for a new rule. */
  record RuleForm(Long id, String name, String query) {}
}
