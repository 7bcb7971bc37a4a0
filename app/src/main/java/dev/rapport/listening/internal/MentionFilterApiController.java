package dev.rapport.listening.internal;

import dev.rapport.access.Actors;
import dev.rapport.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's saved mention filters: list, create, rename, delete. Each user sees and changes only
 * their own; another user's filter is not found. The filter is the same set of parameters {@code
 * GET /api/v1/mentions} takes, validated the same way (errors name {@code filter.<parameter>}).
 */
@RestController
@Tag(name = "Saved mention filters")
@RequestMapping("/api/v1/mention-filters")
class MentionFilterApiController {

  static final String FILTER_EXAMPLE =
      """
      {"id": 7, "name": "Unhappy buyers", "filter": {"sentiment": "negative", "intent": "buying"},
       "query": "sentiment=negative&intent=buying",
       "links": {"mentions": "/api/v1/mentions?sentiment=negative&intent=buying",
                 "page": "/listening?sentiment=negative&intent=buying"}}
      """;

  /** A saved filter with its parameters and where to use it. */
  @Schema(name = "SavedMentionFilter")
  record FilterJson(
      @Schema(example = "7") long id,
      @Schema(example = "Unhappy buyers") String name,
      @Schema(
              description = "The mentions list's parameters",
              example = "{\"sentiment\": \"negative\", \"intent\": \"buying\"}")
          Map<String, String> filter,
      @Schema(example = "sentiment=negative&intent=buying") String query,
      Links links) {}

  /** The mentions this filter selects, in the API and on the page. */
  record Links(String mentions, String page) {}

  /** Body of POST: a name and the filter's parameters. */
  record NewFilter(
      @Schema(example = "Unhappy buyers") String name,
      @Schema(example = "{\"sentiment\": \"negative\", \"intent\": \"buying\"}")
          Map<String, String> filter) {}

  /** Body of PUT: the new name. */
  record Rename(@Schema(example = "Unhappy buyers (EU)") String name) {}

  private final SavedFilterStore saved;
  private final Actors actors;

  MentionFilterApiController(SavedFilterStore saved, Actors actors) {
    this.saved = saved;
    this.actors = actors;
  }

  @GetMapping
  @PreAuthorize("@access.allows('LISTENING_READ')")
  @Operation(
      summary = "The caller's saved mention filters, by name",
      responses =
          @io.swagger.v3.oas.annotations.responses.ApiResponse(
              responseCode = "200",
              content =
                  @Content(
                      mediaType = "application/json",
                      examples = @ExampleObject(value = "[" + FILTER_EXAMPLE + "]"))))
  List<FilterJson> list() {
    return saved.of(actors.current().userId()).stream()
        .map(MentionFilterApiController::json)
        .toList();
  }

  @PostMapping
  @PreAuthorize("@access.allows('LISTENING_READ')")
  @Operation(
      summary = "Saves a filter under a name (1-80 characters, unique per user, at most 50)",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  "{\"name\": \"Unhappy buyers\", \"filter\": {\"sentiment\":"
                                      + " \"negative\", \"intent\": \"buying\"}}"))),
      responses = {
        @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            content =
                @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(value = FILTER_EXAMPLE))),
        @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "400",
            description = "Problem Details naming the field: name, filter or filter.<parameter>",
            content =
                @Content(
                    mediaType = "application/problem+json",
                    examples =
                        @ExampleObject(
                            value =
                                "{\"title\": \"Invalid input\", \"status\": 400,"
                                    + " \"errors\": [{\"field\":"
                                    + " \"filter.sentiment\", \"reason\": \"unknown value"
                                    + " 'angry'; expected one of [negative, neutral,"
                                    + " positive]\"}]}")))
      })
  ResponseEntity<FilterJson> create(@RequestBody(required = false) NewFilter body) {
    if (body == null) {
      throw InvalidInputException.of("name", "send a JSON body with name and filter");
    }
    MentionFilter filter = parse(body.filter());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(json(saved.save(actors.current().userId(), body.name(), filter)));
  }

  @PutMapping("/{id}")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  @Operation(summary = "Renames one of the caller's saved filters")
  FilterJson rename(@PathVariable long id, @RequestBody(required = false) Rename body) {
    return json(saved.rename(actors.current().userId(), id, body == null ? null : body.name()));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("@access.allows('LISTENING_READ')")
  @Operation(summary = "Deletes one of the caller's saved filters")
  ResponseEntity<Void> delete(@PathVariable long id) {
    saved.delete(actors.current().userId(), id);
    return ResponseEntity.noContent().build();
  }

  /** The filter's parameters, each known and valid; errors name filter.<parameter>. */
  static MentionFilter parse(Map<String, String> params) {
    if (params == null || params.isEmpty()) {
      throw InvalidInputException.of("filter", "choose at least one filter before saving");
    }
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    for (String key : params.keySet()) {
      if (!MentionFilter.PARAMS.contains(key)) {
        errors.add(
            new InvalidInputException.FieldError(
                "filter." + key, "unknown filter; expected one of " + MentionFilter.PARAMS));
      }
    }
    try {
      MentionFilter filter = MentionFilter.parse(new LinkedHashMap<>(params));
      if (errors.isEmpty()) {
        return filter;
      }
    } catch (InvalidInputException e) {
      e.errors()
          .forEach(
              err ->
                  errors.add(
                      new InvalidInputException.FieldError("filter." + err.field(), err.reason())));
    }
    throw new InvalidInputException(errors);
  }

  static FilterJson json(SavedFilterStore.SavedFilter f) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : f.query().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            pair.substring(0, eq),
            java.net.URLDecoder.decode(
                pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return new FilterJson(
        f.id(),
        f.name(),
        params,
        f.query(),
        new Links("/api/v1/mentions?" + f.query(), "/listening?" + f.query()));
  }
}
