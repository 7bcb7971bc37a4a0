package dev.rapport.sales.inbox;

import dev.rapport.access.Actors;
import dev.rapport.access.Permission;
import dev.rapport.access.Team;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.listening.MentionDetails;
import dev.rapport.people.Network;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings › Inbox: the ordered routing rules (add, edit, move, delete), the queue that takes what
 * no rule takes, the SLA per reading and the workspace's business hours. Every form goes through
 * the same checks as the API; a refusal shows the page again with the entered values and the reason
 * beside each field. Reading needs TIMELINE_READ, changing needs USERS_ADMIN (as the API).
 */
@Controller
class InboxSettingsPageController {

  /** A rule form as entered, all text, so a malformed number is named, not a 400 page. */
  record RuleForm(
      Long id,
      String name,
      Boolean enabled,
      String listeningRuleId,
      String reading,
      String network,
      String language,
      String territory,
      String ownerUserId,
      String icpFit,
      String assignTo) {

    static RuleForm blank() {
      return new RuleForm(null, "", true, "", "", "", "", "", "", "", "");
    }

    static RuleForm of(Route r) {
      return new RuleForm(
          r.id(),
          r.name(),
          r.enabled(),
          nz(r.listeningRuleId()),
          nz(r.reading()),
          nz(r.network()),
          nz(r.language()),
          nz(r.territory()),
          r.ownerUserId() == null ? "" : r.ownerUserId().toString(),
          r.icpFit() == null ? "" : r.icpFit().toString(),
          r.assignUserId() != null
              ? "user:" + r.assignUserId()
              : r.assignTeamId() != null ? "team:" + r.assignTeamId() : "");
    }

    private static String nz(String s) {
      return s == null ? "" : s;
    }
  }

  /** A rule as the table shows it: its criteria in words and whom it assigns to. */
  record RuleRow(Route route, List<String> when, String assignTo) {}

  /** One reading's SLA field: its form name, label and value as stored or entered. */
  record SlaRow(String field, String label, String value) {}

  /** A choice in a select. */
  record Option(String value, String label) {}

  private final Routes routes;
  private final InboxSettings settings;
  private final Users users;
  private final MentionDetails mentions;
  private final Actors actors;

  InboxSettingsPageController(
      Routes routes, InboxSettings settings, Users users, MentionDetails mentions, Actors actors) {
    this.actors = actors;
    this.routes = routes;
    this.settings = settings;
    this.users = users;
    this.mentions = mentions;
  }

  /** A rule that is gone (or never was): the layout's not-found page. */
  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    ModelAndView view = new ModelAndView("refused");
    view.addObject("title", "Not found");
    view.addObject("message", e.getMessage());
    view.addObject("status", 404);
    view.setStatus(HttpStatus.NOT_FOUND);
    return view;
  }

  @GetMapping("/settings/inbox")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  String page(@RequestParam(required = false) Long edit, Model model) {
    if (!model.containsAttribute("ruleForm")) {
      RuleForm form = RuleForm.blank();
      if (edit != null) {
        form = RuleForm.of(routes.get(edit));
      }
      model.addAttribute("ruleForm", form);
    }
    fill(model);
    return "sales/inbox/settings";
  }

  @PostMapping("/settings/inbox/routes")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  String create(RuleForm form, Model model, RedirectAttributes flash) {
    return saveRule(null, form, model, flash);
  }

  @PostMapping("/settings/inbox/routes/{id}")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  String update(@PathVariable long id, RuleForm form, Model model, RedirectAttributes flash) {
    routes.get(id);
    return saveRule(id, form, model, flash);
  }

  @PostMapping("/settings/inbox/routes/{id}/move")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  String move(
      @PathVariable long id,
      @RequestParam(defaultValue = "true") boolean up,
      RedirectAttributes flash) {
    Route r = routes.get(id);
    routes.move(id, up);
    flash.addFlashAttribute(
        "message", "Rule '" + r.name() + "' moved " + (up ? "up" : "down") + ".");
    return "redirect:/settings/inbox#rules";
  }

  @PostMapping("/settings/inbox/routes/{id}/delete")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  String delete(@PathVariable long id, RedirectAttributes flash) {
    Route r = routes.get(id);
    routes.delete(id);
    flash.addFlashAttribute(
        "message", "Rule '" + r.name() + "' deleted. New items skip it; routed items stay.");
    return "redirect:/settings/inbox#rules";
  }

  @PostMapping("/settings/inbox/queue")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  String queue(
      @RequestParam(required = false) String queueTeamId, Model model, RedirectAttributes flash) {
    try {
      Long team = blank(queueTeamId) ? null : number("queueTeamId", queueTeamId);
      routes.setQueueTeam(team);
      flash.addFlashAttribute(
          "message",
          team == null
              ? "Unmatched items now wait in the general queue."
              : "Unmatched items now wait in the queue of "
                  + routes.team(team).map(Team::name).orElse("team " + team)
                  + ".");
      return "redirect:/settings/inbox#queue";
    } catch (InvalidInputException e) {
      return refused(e, "queueErrors", model);
    }
  }

  @PostMapping("/settings/inbox/sla")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  String sla(@RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
    Map<String, Integer> minutes = new LinkedHashMap<>();
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    for (Signal s : Signal.values()) {
      String raw = form.get("sla." + s.key());
      if (raw == null) {
        continue;
      }
      try {
        minutes.put(s.key(), Integer.valueOf(raw.strip()));
      } catch (NumberFormatException e) {
        errors.add(
            new InvalidInputException.FieldError(
                "sla." + s.key(), "must be a whole number of minutes"));
      }
    }
    try {
      if (!errors.isEmpty()) {
        errors.addAll(InboxSettings.slaErrors(minutes));
        throw new InvalidInputException(errors);
      }
      settings.setSlas(minutes);
      flash.addFlashAttribute("message", "Response times saved; new items are due by them.");
      return "redirect:/settings/inbox#sla";
    } catch (InvalidInputException e) {
      model.addAttribute("slaEntered", form);
      return refused(e, "slaErrors", model);
    }
  }

  @PostMapping("/settings/inbox/calendar")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  String calendar(
      @RequestParam(required = false) String zone,
      @RequestParam(required = false) List<String> days,
      @RequestParam(required = false) String opens,
      @RequestParam(required = false) String closes,
      Model model,
      RedirectAttributes flash) {
    try {
      settings.setCalendar(zone, days == null ? List.of() : days, opens, closes);
      flash.addFlashAttribute(
          "message", "Business hours saved; SLA clocks of new items run inside them.");
      return "redirect:/settings/inbox#hours";
    } catch (InvalidInputException e) {
      model.addAttribute(
          "calendarEntered",
          new CalendarForm(zone, days == null ? List.of() : days, opens, closes));
      return refused(e, "calendarErrors", model);
    }
  }

  /** The business hours as entered (or stored), for the form. */
  record CalendarForm(String zone, List<String> days, String opens, String closes) {}

  private String saveRule(Long id, RuleForm form, Model model, RedirectAttributes flash) {
    try {
      List<InvalidInputException.FieldError> local = new ArrayList<>();
      Routes.Form f = toForm(form, local);
      if (!local.isEmpty()) {
        // name every refusal at once: the rule's own checks on what could be read, too
        List<String> named = local.stream().map(InvalidInputException.FieldError::field).toList();
        routes.problems(f).stream().filter(e -> !named.contains(e.field())).forEach(local::add);
        throw new InvalidInputException(local);
      }
      Route saved = id == null ? routes.create(f) : routes.update(id, f);
      flash.addFlashAttribute(
          "message", "Rule '" + saved.name() + "' " + (id == null ? "added" : "saved") + ".");
      return "redirect:/settings/inbox#rules";
    } catch (InvalidInputException e) {
      model.addAttribute(
          "ruleForm",
          new RuleForm(
              id,
              form.name(),
              form.enabled(),
              form.listeningRuleId(),
              form.reading(),
              form.network(),
              form.language(),
              form.territory(),
              form.ownerUserId(),
              form.icpFit(),
              form.assignTo()));
      return refused(e, "ruleErrors", model);
    }
  }

  /** The entered rule in the API's shape; malformed numbers and choices are named. */
  private static Routes.Form toForm(RuleForm in, List<InvalidInputException.FieldError> errors) {
    Long owner = null;
    try {
      owner = blank(in.ownerUserId()) ? null : number("ownerUserId", in.ownerUserId());
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
    Boolean fit =
        switch (in.icpFit() == null ? "" : in.icpFit()) {
          case "" -> null;
          case "true" -> true;
          case "false" -> false;
          default -> {
            errors.add(
                new InvalidInputException.FieldError("icpFit", "choose any, fits or does not fit"));
            yield null;
          }
        };
    Long user = null;
    Long team = null;
    String to = in.assignTo() == null ? "" : in.assignTo().strip();
    try {
      if (to.startsWith("user:")) {
        user = number("assignUserId", to.substring(5));
      } else if (to.startsWith("team:")) {
        team = number("assignTeamId", to.substring(5));
      } else if (!to.isEmpty()) {
        errors.add(
            new InvalidInputException.FieldError(
                "assignUserId", "choose a user or a team to assign to"));
      }
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
    return new Routes.Form(
        in.name(),
        Boolean.TRUE.equals(in.enabled()),
        in.listeningRuleId(),
        in.reading(),
        in.network(),
        in.language(),
        owner,
        fit,
        user,
        team,
        in.territory());
  }

  private String refused(InvalidInputException e, String attribute, Model model) {
    Map<String, String> byField = new LinkedHashMap<>();
    e.errors()
        .forEach(
            err ->
                byField.merge(
                    // user and team share one "assign to" select on the page
                    err.field().equals("assignTeamId") ? "assignUserId" : err.field(),
                    err.reason(),
                    (x, y) -> x + "; " + y));
    model.addAttribute(attribute, byField);
    model.addAttribute("errors", e.errors());
    fill(model);
    return "sales/inbox/settings";
  }

  private void fill(Model model) {
    if (!model.containsAttribute("ruleForm")) {
      model.addAttribute("ruleForm", RuleForm.blank());
    }
    model.addAttribute("canEdit", actors.current().can(Permission.USERS_ADMIN));
    List<User> all = users.all();
    Map<Long, String> names =
        all.stream().collect(Collectors.toMap(User::id, User::displayName, (a, b) -> a));
    List<Team> teams = users.teams();
    Map<Long, String> teamNames =
        teams.stream().collect(Collectors.toMap(Team::id, Team::name, (a, b) -> a));
    List<MentionDetails.Rule> rules = mentions.rules();
    Map<String, String> ruleNames =
        rules.stream()
            .collect(
                Collectors.toMap(MentionDetails.Rule::id, MentionDetails.Rule::name, (a, b) -> a));
    model.addAttribute(
        "rules", routes.all().stream().map(r -> row(r, names, teamNames, ruleNames)).toList());
    model.addAttribute("listeningRules", rules);
    model.addAttribute(
        "readings",
        Arrays.stream(Signal.values()).map(s -> new Option(s.key(), s.label())).toList());
    model.addAttribute(
        "networks",
        Arrays.stream(Network.values())
            .map(n -> new Option(n.key(), n.name().charAt(0) + n.key().substring(1)))
            .toList());
    model.addAttribute("users", all.stream().filter(User::enabled).toList());
    model.addAttribute("teams", teams);
    model.addAttribute("queueTeamId", routes.queueTeam().orElse(null));
    Map<Signal, Integer> slas = settings.slas();
    Object entered = model.getAttribute("slaEntered");
    model.addAttribute(
        "slaRows",
        Arrays.stream(Signal.values())
            .map(
                s -> {
                  String field = "sla." + s.key();
                  String value =
                      entered instanceof Map<?, ?> m && m.get(field) != null
                          ? String.valueOf(m.get(field))
                          : String.valueOf(slas.get(s));
                  return new SlaRow(field, s.label(), value);
                })
            .toList());
    if (!model.containsAttribute("calendarEntered")) {
      BusinessCalendar c = settings.calendar();
      model.addAttribute(
          "calendarEntered",
          new CalendarForm(
              c.zone().getId(),
              c.days().stream().map(Enum::name).toList(),
              c.opens().toString(),
              c.closes().toString()));
    }
    model.addAttribute(
        "weekdays",
        Arrays.stream(DayOfWeek.values())
            .map(
                d ->
                    new Option(
                        d.name(),
                        d.getDisplayName(
                            java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)))
            .toList());
  }

  private static RuleRow row(
      Route r, Map<Long, String> users, Map<Long, String> teams, Map<String, String> rules) {
    List<String> when = new ArrayList<>();
    if (r.listeningRuleId() != null) {
      when.add("listening rule " + rules.getOrDefault(r.listeningRuleId(), r.listeningRuleId()));
    }
    if (r.reading() != null) {
      when.add(Signal.byKey(r.reading()).map(Signal::label).orElse(r.reading()));
    }
    if (r.network() != null) {
      when.add("on " + r.network());
    }
    if (r.language() != null) {
      when.add("in " + r.language());
    }
    if (r.territory() != null) {
      when.add("account in " + r.territory());
    }
    if (r.ownerUserId() != null) {
      when.add("owned by " + users.getOrDefault(r.ownerUserId(), "user " + r.ownerUserId()));
    }
    if (r.icpFit() != null) {
      when.add(r.icpFit() ? "fits the ICP" : "does not fit the ICP");
    }
    String to =
        r.assignUserId() != null
            ? users.getOrDefault(r.assignUserId(), "user " + r.assignUserId())
            : "round-robin in " + teams.getOrDefault(r.assignTeamId(), "team " + r.assignTeamId());
    return new RuleRow(r, when.isEmpty() ? List.of("every item") : when, to);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static long number(String field, String raw) {
    try {
      return Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, "'" + raw + "' is not an id");
    }
  }
}
