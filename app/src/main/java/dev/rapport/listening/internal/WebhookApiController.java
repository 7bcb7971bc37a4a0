package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources.IngestOutcome;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.Problems;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * POST /api/v1/ingest: one post or {"posts": [...]} in Rapport's post JSON, authenticated by the
 * webhook source's own token (not a user session). Every refusal is a Problem Details answer and,
 * once the source is known, a dead letter; the body is read with a hard size limit.
 */
@RestController
@Tag(name = "Webhooks")
class WebhookApiController {

  private final SourceStore sources;
  private final Ingest ingest;
  private final DeadLetterStore deadLetters;
  private final ObjectMapper json;
  private final ListeningProperties props;

  WebhookApiController(
      SourceStore sources,
      Ingest ingest,
      DeadLetterStore deadLetters,
      ObjectMapper json,
      ListeningProperties props) {
    this.sources = sources;
    this.ingest = ingest;
    this.deadLetters = deadLetters;
    this.json = json;
    this.props = props;
  }

  /** A refusal of the whole request: the answer, already recorded as a dead letter. */
  private static final class Refused extends Exception {
    final transient ResponseEntity<ProblemDetail> answer;

    Refused(ResponseEntity<ProblemDetail> answer) {
      super(null, null, false, false);
      this.answer = answer;
    }
  }

  /** The posts of a request as read: the readable ones with their place, and the unreadable. */
  private record Posts(
      List<NormalizedPost> read,
      List<String> paths,
      List<Ingest.Rejected> unreadable,
      List<FieldError> errors) {}

  @PostMapping("/api/v1/ingest")
  ResponseEntity<?> ingest(HttpServletRequest request) throws IOException, InterruptedException {
    Optional<Source> found = authenticate(request);
    if (found.isEmpty()) {
      return problem(
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "Source token missing or wrong",
          "send the webhook source's token as 'Authorization: Bearer <token>'",
          List.of());
    }
    Source source = found.get();
    if (source.paused()) {
      return problem(
          HttpStatus.CONFLICT,
          "source-paused",
          "Source paused",
          "source '" + source.name() + "' is paused; resume it to ingest",
          List.of());
    }
    Posts posts;
    try {
      posts = posts(source, parse(source, readText(source, request)));
    } catch (Refused refused) {
      return refused.answer;
    }
    // validated once, here; the refused posts go to the dead letters with the unreadable ones
    Ingest.Checked checked = ingest.check(posts.read(), posts.paths());
    List<Ingest.Rejected> rejected = new ArrayList<>(posts.unreadable());
    rejected.addAll(checked.refused());
    List<FieldError> errors = new ArrayList<>(posts.errors());
    errors.addAll(checked.errors());
    return answer(source, checked.valid(), rejected, errors);
  }

  /** Stores the valid posts and answers with what happened, or why nothing was stored. */
  private ResponseEntity<?> answer(
      Source source,
      List<NormalizedPost> valid,
      List<Ingest.Rejected> rejected,
      List<FieldError> errors)
      throws InterruptedException {
    IngestOutcome outcome;
    try {
      outcome = ingest.acceptChecked(source, valid, rejected, Duration.ofSeconds(10));
    } catch (Ingest.StoreFailed failed) {
      return problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "store-failed",
          "Storing failed",
          "the posts could not be stored; nothing was kept, retry later",
          List.of());
    } catch (Ingest.Busy busy) {
      ResponseEntity<ProblemDetail> r =
          problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "busy",
              "Ingest busy",
              "the ingest queue is full; retry after a few seconds",
              List.of());
      return ResponseEntity.status(r.getStatusCode())
          .headers(r.getHeaders())
          .header("Retry-After", "5")
          .body(r.getBody());
    }
    if (valid.isEmpty()) {
      return problem(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "invalid-post",
          "No post accepted",
          errors.size() + " problem(s); the refused posts are in the dead-letter list",
          errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("received", outcome.received());
    body.put("mentions", outcome.mentions());
    body.put("unmatched", outcome.unmatched());
    body.put("duplicates", outcome.duplicates());
    body.put("rejected", outcome.rejected());
    body.put(
        "errors",
        errors.stream().map(e -> Map.of("field", e.field(), "reason", e.reason())).toList());
    return ResponseEntity.ok(body);
  }

  /** The body as strict UTF-8, within the size limit. */
  private String readText(Source source, HttpServletRequest request) throws IOException, Refused {
    int max = props.webhookMaxBytes();
    if (request.getContentLengthLong() > max) {
      throw refuse(
          source,
          HttpStatus.CONTENT_TOO_LARGE,
          "body-too-large",
          "Body too large",
          "body is " + request.getContentLengthLong() + " bytes; the limit is " + max,
          "");
    }
    byte[] body = readAtMost(request.getInputStream(), max);
    if (body == null) {
      throw refuse(
          source,
          HttpStatus.CONTENT_TOO_LARGE,
          "body-too-large",
          "Body too large",
          "body is larger than the limit of " + max + " bytes",
          "");
    }
    try {
      return strictUtf8(body);
    } catch (CharacterCodingException e) {
      throw refuse(
          source,
          HttpStatus.BAD_REQUEST,
          "invalid-utf8",
          "Body is not UTF-8",
          "body is not valid UTF-8 at byte " + firstBadByte(body),
          new String(body, 0, Math.min(body.length, 500), StandardCharsets.UTF_8));
    }
  }

  /** The body as a JSON object. */
  private JsonNode parse(Source source, String text) throws Refused {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (JacksonException e) {
      // a nesting-limit refusal comes without a location: find the place ourselves
      int[] at =
          e.getLocation() != null
              ? new int[] {e.getLocation().getLineNr(), e.getLocation().getColumnNr()}
              : JsonDepth.tooDeepAt(text, JsonDepth.MAX);
      String where = at == null ? "" : " at line " + at[0] + ", column " + at[1];
      throw refuse(
          source,
          HttpStatus.BAD_REQUEST,
          "malformed-json",
          "Malformed JSON",
          "body is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()),
          text);
    }
    if (root == null || !root.isObject()) {
      throw refuse(
          source,
          HttpStatus.BAD_REQUEST,
          "wrong-shape",
          "Wrong body shape",
          "body must be a JSON object: one post, or {\"posts\": [ ... ]}",
          text);
    }
    return root;
  }

  /** One post, or {"posts": [...]}, read into posts; the unreadable ones with their errors. */
  private Posts posts(Source source, JsonNode root) throws Refused {
    List<JsonNode> nodes = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    if (root.has("posts")) {
      JsonNode posts = root.get("posts");
      if (!posts.isArray()) {
        throw refuse(
            source,
            HttpStatus.BAD_REQUEST,
            "wrong-shape",
            "Wrong body shape",
            "posts must be an array, got " + PostJson.type(posts),
            root.toString());
      }
      if (posts.isEmpty()) {
        throw refuse(
            source,
            HttpStatus.BAD_REQUEST,
            "invalid-input",
            "No posts",
            "posts is empty; send at least one post",
            root.toString(),
            List.of(new FieldError("posts", "is empty; send at least one post")));
      }
      if (posts.size() > props.webhookMaxPosts()) {
        throw refuse(
            source,
            HttpStatus.CONTENT_TOO_LARGE,
            "too-many-posts",
            "Too many posts",
            "at most " + props.webhookMaxPosts() + " posts per request, got " + posts.size(),
            "");
      }
      for (int i = 0; i < posts.size(); i++) {
        nodes.add(posts.get(i));
        paths.add("posts[" + i + "]");
      }
    } else {
      nodes.add(root);
      paths.add("");
    }
    Posts read =
        new Posts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < nodes.size(); i++) {
      PostJson.Read r = PostJson.read(nodes.get(i), paths.get(i), null);
      if (r.ok()) {
        read.read().add(r.post());
        read.paths().add(paths.get(i));
      } else {
        read.errors().addAll(r.errors());
        read.unreadable()
            .add(new Ingest.Rejected(Ingest.describe(r.errors()), nodes.get(i).toString()));
      }
    }
    return read;
  }

  private Optional<Source> authenticate(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    String token = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = header.substring(7).strip();
    } else if (request.getHeader("X-Rapport-Source-Token") != null) {
      token = request.getHeader("X-Rapport-Source-Token").strip();
    }
    if (token == null || token.isEmpty() || token.length() > 200) {
      return Optional.empty();
    }
    return sources
        .byTokenHash(SourceTokens.hash(token))
        .filter(s -> s.kind() == SourceKind.WEBHOOK);
  }

  private Refused refuse(
      Source source, HttpStatus status, String type, String title, String detail, String raw) {
    return refuse(source, status, type, title, detail, raw, List.of());
  }

  private Refused refuse(
      Source source,
      HttpStatus status,
      String type,
      String title,
      String detail,
      String raw,
      List<FieldError> errors) {
    deadLetters.record(source.id(), source.name(), detail, raw);
    return new Refused(problem(status, type, title, detail, errors));
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
    return Problems.response(Problems.withErrors(Problems.of(status, type, title, detail), errors));
  }

  /** The body, or null when it is longer than {@code max} bytes. */
  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] data = in.readNBytes(max + 1);
    return data.length > max ? null : data;
  }

  private static String strictUtf8(byte[] body) throws CharacterCodingException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return decoder.decode(ByteBuffer.wrap(body)).toString();
  }

  private static int firstBadByte(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(body.length + 1);
    decoder.decode(in, out, true);
    return in.position();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return PostValidator.excerpt(nl < 0 ? s : s.substring(0, nl), 200);
  }
}
