package dev.rapport.workspace;

import dev.rapport.engine.read.Interest;
import dev.rapport.engine.read.InterestProfiler;
import dev.rapport.listening.HeardPosts;
import dev.rapport.people.PersonId;
import dev.rapport.people.Persons;
import dev.rapport.shared.NotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The interests panel a person's page loads with htmx: the engine's interest profiler over the
 * person's captured posts, each topic with its weight and the posts that show it. It lives here
 * because people may not depend on listening (listening depends on people).
 */
@Controller
class InterestsPageController {

  static final int POSTS = 200;
  static final int SHOWN_POSTS = 3;

  /** A topic with its share of the posts as a percentage and up to three of those posts. */
  record InterestView(String topic, int percent, int posts, List<HeardPosts.Post> examples) {}

  private final Persons persons;
  private final HeardPosts posts;
  private final InterestProfiler profiler = InterestProfiler.create();

  InterestsPageController(Persons persons, HeardPosts posts) {
    this.persons = persons;
    this.posts = posts;
  }

  /** A person the user may not see, or none: a plain 404 for the panel, as for the page. */
  @org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
  org.springframework.http.ResponseEntity<String> notFound(NotFoundException e) {
    return org.springframework.http.ResponseEntity.status(404)
        .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  @GetMapping("/interests/persons/{id}")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  String panel(@PathVariable long id, Model model) {
    PersonId person = new PersonId(id);
    // the same visibility question as the person's page: a hidden person is not found
    persons.find(person).orElseThrow(() -> new NotFoundException("person", id));
    List<HeardPosts.Post> theirs = posts.byPerson(person, POSTS);
    Map<String, HeardPosts.Post> byId = new HashMap<>();
    theirs.forEach(p -> byId.put(Long.toString(p.id()), p));
    List<Interest> interests =
        profiler.profile(
            theirs.stream()
                .map(p -> new InterestProfiler.Post(Long.toString(p.id()), p.text()))
                .toList());
    model.addAttribute("personId", id);
    model.addAttribute("postCount", theirs.size());
    model.addAttribute(
        "interests",
        interests.stream()
            .limit(12)
            .map(
                i ->
                    new InterestView(
                        i.topic(),
                        (int) Math.round(i.weight() * 100),
                        i.postIds().size(),
                        i.postIds().stream()
                            .map(byId::get)
                            .filter(Objects::nonNull)
                            .limit(SHOWN_POSTS)
                            .toList()))
            .toList());
    return "workspace/interests";
  }
}
