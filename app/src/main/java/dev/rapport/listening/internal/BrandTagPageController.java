package dev.rapport.listening.internal;

import dev.rapport.people.VisiblePersons;
import dev.rapport.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The brand tags page: the tags with their posts over 30 days (up to the latest day counted), a
 * per-day chart, the counts per network and the authors who used them most; marketing
 * (CAMPAIGNS_ADMIN) adds and removes tags here.
 */
@Controller
class BrandTagPageController {

  static final int DAYS = 30;

  private final BrandTags tags;
  private final BrandTagCounts counts;
  private final MentionScope scope;
  private final ObjectMapper json;

  BrandTagPageController(
      BrandTags tags, BrandTagCounts counts, MentionScope scope, ObjectMapper json) {
    this.tags = tags;
    this.counts = counts;
    this.scope = scope;
    this.json = json;
  }

  @GetMapping("/listening/brand-tags")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String page(Model model) {
    // the 30 days up to the latest day counted, so a quiet month still shows the last activity
    LocalDate to =
        counts.latestDay(LocalDate.now(ZoneOffset.UTC)).orElse(LocalDate.now(ZoneOffset.UTC));
    LocalDate from = to.minusDays(DAYS - 1);
    List<BrandTags.BrandTag> all = tags.all();
    List<BrandTagCounts.CountRow> perDay =
        counts.counts(
            null, null, from, to, BrandTagCounts.GroupBy.DAY, VisiblePersons.Condition.ALL);
    List<BrandTagCounts.CountRow> perNetwork =
        counts.counts(
            null, null, from, to, BrandTagCounts.GroupBy.NETWORK, VisiblePersons.Condition.ALL);
    List<BrandTagCounts.CountRow> perAuthor =
        counts.counts(null, null, from, to, BrandTagCounts.GroupBy.AUTHOR, scope.on("person_id"));
    Map<String, Long> totals = new LinkedHashMap<>();
    for (BrandTagCounts.CountRow r : perDay) {
      totals.merge(r.tag(), r.posts(), Long::sum);
    }
    model.addAttribute("tags", all);
    model.addAttribute("totals", totals);
    model.addAttribute("perNetwork", perNetwork);
    model.addAttribute("perAuthor", perAuthor.subList(0, Math.min(25, perAuthor.size())));
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("kinds", BrandTagKind.values());
    model.addAttribute("chart", json.writeValueAsString(chart(from, to, perDay)));
    model.addAttribute("anyCounts", !perDay.isEmpty());
    if (!model.containsAttribute("formTag")) {
      model.addAttribute("formTag", "");
      model.addAttribute("formKind", "HASHTAG");
    }
    return "listening/brand-tags";
  }

  @PostMapping("/listening/brand-tags")
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  String create(
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String kind,
      Model model,
      RedirectAttributes redirect) {
    try {
      BrandTags.BrandTag created = tags.create(tag, kind);
      redirect.addFlashAttribute("message", "Brand tag " + created.tag() + " added.");
      return "redirect:/listening/brand-tags";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
      model.addAttribute("formTag", tag == null ? "" : tag);
      model.addAttribute("formKind", kind == null ? "HASHTAG" : kind);
      return page(model);
    }
  }

  @PostMapping("/listening/brand-tags/{id}/delete")
  @PreAuthorize("@access.allows('CAMPAIGNS_ADMIN')")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    String tag = tags.get(id).tag();
    tags.delete(id);
    redirect.addFlashAttribute(
        "message", "Brand tag " + tag + " removed. The posts it counted stay in the figures.");
    return "redirect:/listening/brand-tags";
  }

  /** The chart's data: every day of the range, and per tag its posts on each day (0 when none). */
  static Map<String, Object> chart(
      LocalDate from, LocalDate to, List<BrandTagCounts.CountRow> perDay) {
    List<String> days = new ArrayList<>();
    Map<LocalDate, Integer> index = new LinkedHashMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      index.put(d, days.size());
      days.add(d.toString());
    }
    Map<String, long[]> series = new LinkedHashMap<>();
    for (BrandTagCounts.CountRow r : perDay) {
      Integer i = index.get(r.day());
      if (i != null) {
        series.computeIfAbsent(r.tag(), t -> new long[days.size()])[i] += r.posts();
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    series.forEach((tag, values) -> out.add(Map.of("name", tag, "data", values)));
    return Map.of("days", days, "series", out);
  }
}
