package dev.rapport.listening.internal;

import dev.rapport.access.Actors;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mentions pages: the filtered, paged list with saved filters; one mention's page with its
 * readings, evidence, rules, author and person; the post card other pages load with htmx.
 */
@Controller
class MentionPageController {

  static final int PAGE_SIZE = 20;

  private final MentionViews views;
  private final MentionStore mentions;
  private final ListeningRules rules;
  private final SavedFilterStore saved;
  private final Actors actors;

  MentionPageController(
      MentionViews views,
      MentionStore mentions,
      ListeningRules rules,
      SavedFilterStore saved,
      Actors actors) {
    this.views = views;
    this.mentions = mentions;
    this.rules = rules;
    this.saved = saved;
    this.actors = actors;
  }

  @GetMapping("/listening")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String list(@RequestParam Map<String, String> params, Model model) {
    MentionFilter filter;
    try {
      filter = MentionFilter.parse(params);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
      filter = MentionFilter.NONE;
    }
    int page;
    try {
      page = MentionPaging.page(params.get("page"));
    } catch (InvalidInputException e) {
      page = 0;
    }
    MentionStore.MentionPage result = views.page(filter, page, PAGE_SIZE);
    model.addAttribute("cards", views.cards(result.items()));
    model.addAttribute("result", result);
    model.addAttribute("filter", filter);
    model.addAttribute("f", filter.params());
    model.addAttribute("query", filter.query());
    model.addAttribute("mentionCount", views.count());
    model.addAttribute("rules", rules.all());
    model.addAttribute("networks", views.distinct("network"));
    model.addAttribute("languages", views.distinct("language"));
    model.addAttribute("sentiments", List.of("positive", "neutral", "negative"));
    model.addAttribute("intents", options(MentionFilter.INTENTS));
    model.addAttribute("events", options(MentionFilter.EVENTS));
    model.addAttribute("saved", saved.of(actors.current().userId()));
    return "listening/overview";
  }

  @PostMapping("/listening/filters")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String saveFilter(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
    MentionFilter filter = MentionFilter.parse(params);
    try {
      SavedFilterStore.SavedFilter f =
          saved.save(actors.current().userId(), params.get("name"), filter);
      redirect.addFlashAttribute("message", "Filter '" + f.name() + "' saved.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("saveError", e.errors().get(0).reason());
    }
    String q = filter.query();
    return "redirect:/listening" + (q.isEmpty() ? "" : "?" + q);
  }

  @PostMapping("/listening/filters/{id}/delete")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String deleteFilter(@PathVariable long id, RedirectAttributes redirect) {
    saved.delete(actors.current().userId(), id);
    redirect.addFlashAttribute("message", "Saved filter deleted.");
    return "redirect:/listening";
  }

  @GetMapping("/listening/mentions/{id}")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String mention(@PathVariable long id, Model model) {
    MentionViews.Card card = views.card(views.get(id));
    model.addAttribute("c", card);
    if (actors.current().can(dev.rapport.access.Permission.LISTENING_ADMIN)) {
      model.addAttribute("raw", mentions.rawPayload(id));
    }
    return "listening/mention";
  }

  /** The post card alone, for other pages that show a mention (timeline, search) via htmx. */
  @GetMapping("/listening/mentions/{id}/card")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String card(@PathVariable long id, Model model) {
    model.addAttribute("c", views.card(views.get(id)));
    return "listening/post :: card(c=${c})";
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model) {
    model.addAttribute("what", e.getMessage());
    return "listening/not-found";
  }

  /** Value and label of a filter choice. */
  record Option(String value, String label) {}

  private static List<Option> options(List<String> values) {
    return values.stream().map(v -> new Option(v, PostReadings.words(v))).toList();
  }
}
