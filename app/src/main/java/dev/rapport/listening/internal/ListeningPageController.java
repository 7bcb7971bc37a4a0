package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The listening pages: sources with their health and dead letters, rules. */
@Controller
class ListeningPageController {

  private final SourceAdmin admin;
  private final DeadLetterStore deadLetters;
  private final ListeningRules rules;
  private final RuleTester tester;
  private final ObjectMapper json;
  private final MentionViews views;

  ListeningPageController(
      SourceAdmin admin,
      DeadLetterStore deadLetters,
      ListeningRules rules,
      RuleTester tester,
      ObjectMapper json,
      MentionViews views) {
    this.json = json;
    this.views = views;
    this.admin = admin;
    this.deadLetters = deadLetters;
    this.rules = rules;
    this.tester = tester;
  }

  @GetMapping("/listening/sources")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String sources(@RequestParam(required = false) String add, Model model) {
    model.addAttribute("sources", admin.all());
    model.addAttribute("deadLetters", deadLetters.recent(null, 50));
    model.addAttribute("kinds", SourceForm.KINDS);
    model.addAttribute("ingestUrl", ingestUrl());
    model.addAttribute("curlExample", curl("$RAPPORT_TOKEN", "@posts.json"));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", SourceForm.empty(add));
    }
    return "listening/sources";
  }

  /** Adds a source from the per-kind form; a raw {@code config} JSON is still taken (scripts). */
  @PostMapping("/listening/sources")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String create(
      @ModelAttribute SourceForm form,
      @RequestParam(required = false) String config,
      Model model,
      RedirectAttributes redirect) {
    try {
      JsonNode settings =
          config != null && !config.isBlank() ? admin.parseConfig(config) : form.config(json);
      SourceAdmin.Created created =
          admin.create(form.name(), SourceForm.kind(form.kind()), settings, form.poll());
      redirect.addFlashAttribute("message", "Source '" + created.source().name() + "' created.");
      redirect.addFlashAttribute("token", created.token());
      if (created.token() != null) {
        redirect.addFlashAttribute("tokenCurl", curl(created.token(), "'" + SAMPLE_POST + "'"));
      }
      return "redirect:/listening/sources";
    } catch (InvalidInputException e) {
      Map<String, String> byField = new LinkedHashMap<>();
      e.errors()
          .forEach(
              err ->
                  byField.merge(
                      err.field().replaceFirst("^config\\.", ""),
                      err.reason(),
                      (x, y) -> x + "; " + y));
      model.addAttribute("errors", e.errors());
      model.addAttribute("fieldErrors", byField);
      model.addAttribute("form", form);
      return sources(form.kind(), model);
    }
  }

  @GetMapping("/listening/sources/{id}/delete")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String confirmDelete(@PathVariable long id, Model model) {
    model.addAttribute("source", admin.get(id));
    return "listening/source-delete";
  }

  @PostMapping("/listening/sources/{id}/delete")
  @PreAuthorize("@access.allows('LISTENING_ADMIN')")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    String name = admin.get(id).name();
    admin.delete(id);
    redirect.addFlashAttribute("message", "Source '" + name + "' deleted. Its mentions are kept.");
    return "redirect:/listening/sources";
  }

  private static final String SAMPLE_POST =
      "{\"network\":\"mastodon\",\"id\":\"1\",\"text\":\"Loving the new release\","
          + "\"author\":{\"handle\":\"@ada@example.social\"},\"createdAt\":\"2026-11-23T16:30:00Z\"}";

  /** A curl command that sends posts to this server's webhook with the token. */
  private static String curl(String token, String data) {
    return "curl -X POST "
        + ingestUrl()
        + " \\\n  -H 'Authorization: Bearer "
        + token
        + "' \\\n  -H 'Content-Type: application/json' \\\n  -d "
        + data;
  }

  private static String ingestUrl() {
    return ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/api/v1/ingest")
        .toUriString();
  }

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
      RuleTester.TestResult test = tester.test("query", query, RuleTester.DEFAULT_LIMIT);
      model.addAttribute("test", test);
      model.addAttribute(
          "cards",
          views.cardsById(test.matches().stream().map(RuleTester.TestedPost::mentionId).toList()));
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
