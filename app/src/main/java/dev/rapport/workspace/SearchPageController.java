package dev.rapport.workspace;

import dev.rapport.listening.HeardPosts;
import dev.rapport.people.AccountSummary;
import dev.rapport.people.Accounts;
import dev.rapport.people.Handles;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Global search from the layout's search box: persons, accounts, social handles and captured posts
 * the user may see, each group ranked (names that start with the text first; posts by full-text
 * rank on PostgreSQL).
 */
@Controller
class SearchPageController {

  static final int LIMIT = 20;

  /** A post hit with the name of its (visible) author. */
  record PostHit(HeardPosts.Post post, PersonSummary author, String excerpt) {}

  private final Persons persons;
  private final Accounts accounts;
  private final Handles handles;
  private final HeardPosts posts;

  SearchPageController(Persons persons, Accounts accounts, Handles handles, HeardPosts posts) {
    this.persons = persons;
    this.accounts = accounts;
    this.handles = handles;
    this.posts = posts;
  }

  @GetMapping("/search")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String search(@RequestParam(required = false) String q, Model model) {
    String text = q == null ? "" : q.strip();
    if (text.length() > 200) {
      text = text.substring(0, 200);
    }
    model.addAttribute("q", text);
    boolean empty = text.isEmpty();
    model.addAttribute(
        "persons",
        empty ? List.of() : ranked(persons.search(text, LIMIT), text, PersonSummary::name));
    model.addAttribute(
        "accounts",
        empty ? List.of() : ranked(accounts.search(text, LIMIT), text, AccountSummary::name));
    model.addAttribute("handles", empty ? List.of() : handles.search(text, LIMIT));
    model.addAttribute("posts", empty ? List.of() : visiblePosts(text));
    return "search";
  }

  /** Posts whose author the user may see; the same visibility question as the person's page. */
  private List<PostHit> visiblePosts(String text) {
    Map<PersonId, Optional<PersonSummary>> authors = new HashMap<>();
    return posts.search(text, LIMIT * 2).stream()
        .filter(p -> p.author() != null)
        .map(
            p ->
                authors
                    .computeIfAbsent(p.author(), persons::find)
                    .map(a -> new PostHit(p, a, excerpt(p.text(), text)))
                    .orElse(null))
        .filter(h -> h != null)
        .limit(LIMIT)
        .toList();
  }

  /** Names that start with the text first, then a word that starts with it, then the rest. */
  static <T> List<T> ranked(List<T> items, String text, Function<T, String> name) {
    String q = text.toLowerCase(Locale.ROOT);
    return items.stream().sorted(Comparator.comparingInt(i -> rank(name.apply(i), q))).toList();
  }

  private static int rank(String name, String q) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (n.startsWith(q)) {
      return 0;
    }
    return n.contains(" " + q) ? 1 : 2;
  }

  /** Up to 200 characters of the post around the first word of the query. */
  static String excerpt(String post, String text) {
    if (post.length() <= 200) {
      return post;
    }
    String first = text.strip().split("\\s+")[0].replace("\"", "").toLowerCase(Locale.ROOT);
    int at = Math.max(0, post.toLowerCase(Locale.ROOT).indexOf(first));
    int start = Math.max(0, Math.min(at - 60, post.length() - 200));
    return (start > 0 ? "…" : "") + post.substring(start, start + 200) + "…";
  }
}
