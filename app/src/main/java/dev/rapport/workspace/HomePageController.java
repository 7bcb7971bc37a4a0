package dev.rapport.workspace;

import dev.rapport.listening.HeardPosts;
import dev.rapport.people.PeopleNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: the numbers that say what is going on, each linking to its list. */
@Controller
class HomePageController {

  /** One number on the home page, with what it counts and where its list is. */
  record Tile(String id, String label, long value, String href, String hint) {}

  private final PeopleNumbers people;
  private final HeardPosts posts;
  private final Clock clock;

  HomePageController(PeopleNumbers people, HeardPosts posts) {
    this.people = people;
    this.posts = posts;
    this.clock = Clock.systemUTC();
  }

  @GetMapping("/")
  String home(Model model) {
    Instant now = clock.instant();
    Instant today =
        LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant week = now.minus(Duration.ofDays(7));
    model.addAttribute(
        "tiles",
        List.of(
            new Tile("persons", "People", people.persons(null), "/persons", "everyone you know"),
            new Tile(
                "new-persons",
                "New people this week",
                people.persons(week),
                "/persons?sort=created,desc",
                "newest first"),
            new Tile("accounts", "Accounts", people.accounts(), "/accounts", "companies"),
            new Tile(
                "mentions-today",
                "Mentions today",
                posts.capturedSince(today),
                "/listening",
                "posts your rules caught since midnight UTC"),
            new Tile(
                "mentions-week",
                "Mentions this week",
                posts.capturedSince(week),
                "/listening",
                "the last seven days")));
    model.addAttribute("lastImport", people.lastImport().orElse(null));
    return "home";
  }

  /** The sign-in form; {@code locked} is how long a throttled sign-in must wait, in seconds. */
  @GetMapping("/login")
  String login(@RequestParam(required = false) String locked, Model model) {
    if (locked != null && locked.matches("[0-9]{1,6}")) {
      model.addAttribute("lockedSeconds", Integer.parseInt(locked));
    }
    return "login";
  }
}
