package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources.IngestOutcome;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.Problems;
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
class WebhookController {

  private final SourceStore sources;
  private final Ingest ingest;
  private final DeadLetters deadLetters;
  private final ObjectMapper json;
  private final ListeningProperties props;

  WebhookController(
      SourceStore sources,
      Ingest ingest,
      DeadLetters deadLetters,
      ObjectMapper json,
      ListeningProperties props) {
    this.sources = sources;
    this.ingest = ingest;
    this.deadLetters = deadLetters;
    this.json = json;
    this.props = props;
  }

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
    int max = props.webhookMaxBytes();
    if (request.getContentLengthLong() > max) {
      return refuse(
          source,
          HttpStatus.CONTENT_TOO_LARGE,
          "body-too-large",
          "Body too large",
          "body is " + request.getContentLengthLong() + " bytes; the limit is " + max,
          "");
    }
    byte[] body = readAtMost(request.getInputStream(), max);
    if (body == null) {
      return refuse(
          source,
          HttpStatus.CONTENT_TOO_LARGE,
          "body-too-large",
          "Body too large",
          "body is larger than the limit of " + max + " bytes",
          "");
    }
    String text;
    try {
      text = strictUtf8(body);
    } catch (CharacterCodingException e) {
      return refuse(
          source,
          HttpStatus.BAD_REQUEST,
          "invalid-utf8",
          "Body is not UTF-8",
          "body is not valid UTF-8 at byte " + firstBadByte(body),
          new String(body, 0, Math.min(body.length, 500), StandardCharsets.UTF_8));
    }
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      return refuse(
          source,
          HttpStatus.BAD_REQUEST,
          "malformed-json",
          "Malformed JSON",
          "body is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()),
          text);
    }
    List<JsonNode> nodes = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    if (root == null || !root.isObject()) {
      return refuse(
          source,
          HttpStatus.BAD_REQUEST,
          "wrong-shape",
          "Wrong body shape",
          "body must be a JSON object: one post, or {\"posts\": [ ... ]}",
          text);
    }
    if (root.has("posts")) {
      JsonNode posts = root.get("posts");
      if (!posts.isArray()) {
        return refuse(
            source,
            HttpStatus.BAD_REQUEST,
            "wrong-shape",
            "Wrong body shape",
            "posts must be an array, got " + PostJson.type(posts),
            text);
      }
      if (posts.size() > props.webhookMaxPosts()) {
        return refuse(
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
    List<NormalizedPost> valid = new ArrayList<>();
    List<Ingest.Rejected> rejected = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      PostJson.Read read = PostJson.read(nodes.get(i), paths.get(i), null);
      List<FieldError> problems =
          read.ok() ? ingest.validate(read.post(), paths.get(i)) : read.errors();
      if (problems.isEmpty()) {
        valid.add(read.post());
      } else {
        errors.addAll(problems);
        rejected.add(new Ingest.Rejected(Ingest.describe(problems), nodes.get(i).toString()));
      }
    }
    IngestOutcome outcome;
    try {
      outcome = ingest.accept(source, valid, rejected, Duration.ofSeconds(10));
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
    Map<String, Object> body2 = new LinkedHashMap<>();
    body2.put("received", outcome.received());
    body2.put("mentions", outcome.mentions());
    body2.put("unmatched", outcome.unmatched());
    body2.put("duplicates", outcome.duplicates());
    body2.put("rejected", outcome.rejected());
    body2.put(
        "errors",
        errors.stream().map(e -> Map.of("field", e.field(), "reason", e.reason())).toList());
    return ResponseEntity.ok(body2);
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

  private ResponseEntity<ProblemDetail> refuse(
      Source source, HttpStatus status, String type, String title, String detail, String raw) {
    deadLetters.record(source.id(), source.name(), detail, raw);
    return problem(status, type, title, detail, List.of());
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
