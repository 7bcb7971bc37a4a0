package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads Rapport's documented post JSON (the webhook and JSONL file format) into a {@link
 * NormalizedPost}, naming every field that is missing or of the wrong type.
 */
final class PostJson {

  /** Either a post or the reasons there is none. */
  record Read(NormalizedPost post, List<FieldError> errors) {
    boolean ok() {
      return post != null;
    }
  }

  private PostJson() {}

  static Read read(JsonNode node, String where, String defaultNetwork) {
    List<FieldError> errors = new ArrayList<>();
    String p = where.isEmpty() ? "" : where + ".";
    if (node == null || !node.isObject()) {
      errors.add(new FieldError(where.isEmpty() ? "post" : where, "must be a JSON object"));
      return new Read(null, errors);
    }
    String network = string(node, "network", p, errors, defaultNetwork == null);
    if (network == null) {
      network = defaultNetwork;
    }
    String id = string(node, "id", p, errors, true);
    JsonNode authorNode = node.get("author");
    String handle = null;
    String displayName = null;
    String profileUrl = null;
    if (authorNode == null || authorNode.isNull()) {
      errors.add(new FieldError(p + "author", "is required: {\"handle\": ...}"));
    } else if (!authorNode.isObject()) {
      errors.add(new FieldError(p + "author", "must be an object, got " + type(authorNode)));
    } else {
      handle = string(authorNode, "handle", p + "author.", errors, true);
      displayName = string(authorNode, "displayName", p + "author.", errors, false);
      profileUrl = string(authorNode, "profileUrl", p + "author.", errors, false);
    }
    String text = string(node, "text", p, errors, true);
    String url = string(node, "url", p, errors, false);
    Instant createdAt = null;
    String created = string(node, "createdAt", p, errors, true);
    if (created != null) {
      createdAt = instant(created);
      if (createdAt == null) {
        errors.add(
            new FieldError(
                p + "createdAt", "must be an ISO-8601 date-time such as 2026-11-23T16:30:00Z"));
      }
    }
    String language = string(node, "language", p, errors, false);
    String replyTo = string(node, "replyTo", p, errors, false);
    String quoteOf = string(node, "quoteOf", p, errors, false);
    String repostOf = string(node, "repostOf", p, errors, false);
    Map<String, Long> metrics = new LinkedHashMap<>();
    JsonNode m = node.get("metrics");
    if (m != null && !m.isNull()) {
      if (!m.isObject()) {
        errors.add(new FieldError(p + "metrics", "must be an object, got " + type(m)));
      } else {
        for (Map.Entry<String, JsonNode> e : m.properties()) {
          if (e.getValue().isIntegralNumber() && e.getValue().canConvertToLong()) {
            metrics.put(e.getKey(), e.getValue().longValue());
          } else {
            errors.add(
                new FieldError(
                    p + "metrics." + PostValidator.excerpt(e.getKey(), 40),
                    "must be a whole number, got " + type(e.getValue())));
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      return new Read(null, errors);
    }
    NormalizedPost post =
        new NormalizedPost(
            network,
            id,
            new NormalizedPost.Author(handle, displayName, profileUrl),
            text,
            url,
            createdAt,
            language,
            replyTo,
            quoteOf,
            repostOf,
            metrics,
            node.toString());
    return new Read(post, List.of());
  }

  static Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s.trim()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s.trim());
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static String string(
      JsonNode node, String name, String p, List<FieldError> errors, boolean required) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      if (required) {
        errors.add(new FieldError(p + name, "is required"));
      }
      return null;
    }
    if (name.equals("id") && v.isIntegralNumber()) {
      return v.asString();
    }
    if (!v.isString()) {
      errors.add(new FieldError(p + name, "must be a string, got " + type(v)));
      return null;
    }
    return v.asString();
  }

  static String type(JsonNode v) {
    if (v.isString()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return "null";
  }
}
