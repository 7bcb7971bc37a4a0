package dev.rapport.workspace;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.Permission;
import dev.rapport.listening.HeardPosts;
import dev.rapport.people.PeopleNumbers;
import dev.rapport.sales.InboxNumbers;
import dev.rapport.sales.KeepInTouch;
import dev.rapport.sales.Leads;
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

/**
 * The home page as the signed-in user's day: leads that crossed a threshold, touches due, and the
 * numbers that say what is going on, each linking to its list.
 */
@Controller
class HomePageController {

  /** One number on the home page, with what it counts and where its list is. */
  record Tile(String id, String label, long value, String href, String hint) {}

  private final PeopleNumbers people;
  private final HeardPosts posts;
  private final Leads leads;
  private final KeepInTouch keepInTouch;
  private final InboxNumbers inbox;
  private final dev.rapport.sales.Opportunities deals;
  private final Actors actors;
  private final Clock clock;

  HomePageController(
      PeopleNumbers people,
      HeardPosts posts,
      Leads leads,
      KeepInTouch keepInTouch,
      InboxNumbers inbox,
      dev.rapport.sales.Opportunities deals,
      Actors actors) {
    this.people = people;
    this.posts = posts;
    this.leads = leads;
    this.keepInTouch = keepInTouch;
    this.inbox = inbox;
    this.deals = deals;
    this.actors = actors;
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
    // the user's day: leads a threshold moved this week, touches due by tonight
    Actor me = actors.current();
    boolean seesLeads = me.can(Permission.LIFECYCLE_READ);
    model.addAttribute(
        "crossed",
        seesLeads ? leads.crossedSince(now.minus(DayCounts.LEAD_WINDOW), 10) : List.of());
    model.addAttribute(
        "due",
        me.userId() != null && me.can(Permission.TIMELINE_READ)
            ? keepInTouch.due(me.userId(), now, 10)
            : List.of());
    model.addAttribute(
        "inbox",
        me.userId() != null && me.can(Permission.TIMELINE_READ)
            ? inbox.forUser(me.userId())
            : null);
    // the user's own deals nobody touched within their stage's limit
    model.addAttribute(
        "staleDeals",
        me.userId() != null && me.can(Permission.DEALS_READ)
            ? deals.stale(me.userId(), 10)
            : List.of());
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
