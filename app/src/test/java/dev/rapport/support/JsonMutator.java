package dev.rapport.support;

import dev.rapport.engine.fuzz.Fuzz;
import dev.rapport.engine.fuzz.Mutators;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Structure-aware mutations of a valid JSON payload, the ones that break request handling: a field
 * dropped, duplicated or of another type, huge strings and numbers, deep nesting, lone surrogates
 * and NUL (escaped and raw), bytes that are not UTF-8, and now and then plain byte mutations.
 */
public final class JsonMutator implements Fuzz.Mutator {

  // deep nesting is one of the mutations: the mutator itself must read and write it
  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(100_000).build())
                  .streamWriteConstraints(
                      StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
                  .build())
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "1e400",
    "-0",
    "\\u0000",
    "\\ud800",
    "\\udfff",
    "\\\"",
    "\\",
    "/*",
    "//",
    "NaN",
    "Infinity",
    "0x1F",
    "\"\":"
  };

  private final int maxStringChars;

  /** Mutations whose huge strings stay under maxStringChars characters. */
  public JsonMutator(int maxStringChars) {
    this.maxStringChars = maxStringChars;
  }

  @Override
  public byte[] mutate(byte[] seed, List<byte[]> corpus, SplittableRandom random) {
    JsonNode root;
    try {
      root = JSON.readTree(seed);
    } catch (JacksonException e) {
      root = null;
    }
    if (root == null || !root.isContainer() || random.nextInt(10) == 0) {
      return Mutators.mutateBytes(seed, corpus, random, TOKENS);
    }
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      mutateTree(root, random);
    }
    String text = JSON.writeValueAsString(root);
    for (int r = random.nextInt(3); r > 0; r--) {
      text = mutateText(text, random);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return random.nextInt(6) == 0 ? rawBytes(bytes, random) : bytes;
  }

  private void mutateTree(JsonNode root, SplittableRandom random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode at = containers.get(random.nextInt(containers.size()));
    if (at instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      if (names.isEmpty()) {
        object.set("x", value(random));
        return;
      }
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(4)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name, value(random));
        case 2 -> object.set(name, nest(object.get(name), random));
        default -> object.set(name, stringish(random));
      }
    } else if (at instanceof ArrayNode array) {
      switch (random.nextInt(4)) {
        case 0 -> {
          if (!array.isEmpty()) {
            array.remove(random.nextInt(array.size()));
          }
        }
        case 1 -> {
          int copies = random.nextInt(10) == 0 ? 1_001 : 1 + random.nextInt(5);
          if (!array.isEmpty()) {
            JsonNode one = array.get(random.nextInt(array.size()));
            for (int i = 0; i < copies; i++) {
              array.add(one.deepCopy());
            }
          }
        }
        case 2 -> array.add(value(random));
        default -> {
          if (!array.isEmpty()) {
            array.set(random.nextInt(array.size()), value(random));
          }
        }
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainer()) {
      out.add(node);
      for (JsonNode child : node.values()) {
        collect(child, out);
      }
    }
  }

  /** A value of a random type, the wrong one most of the time. */
  private JsonNode value(SplittableRandom random) {
    return switch (random.nextInt(10)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextLong());
      case 3 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(400))));
      case 4 -> NODES.numberNode(random.nextDouble() * 1e300);
      case 5 -> NODES.arrayNode();
      case 6 -> NODES.objectNode();
      default -> stringish(random);
    };
  }

  private JsonNode stringish(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> NODES.stringNode("x".repeat(1 + random.nextInt(maxStringChars)));
      case 1 -> NODES.stringNode("\u0000" + "nul");
      case 2 -> NODES.stringNode("\uD800lone" + (random.nextBoolean() ? "\uDFFF" : ""));
      case 3 -> NODES.stringNode("");
      case 4 -> NODES.stringNode(" \t\n ");
      default ->
          NODES.stringNode(
              new String[] {
                    "2026-13-45T99:00:00Z",
                    "not a date",
                    "javascript:alert(1)",
                    "<script>alert(1)</script>",
                    "=cmd|' /C calc'!A0",
                    "../../etc/passwd",
                    "\u202Eevil",
                    "👨‍👩‍👧",
                    "-1",
                    "1e400"
                  }
                  [random.nextInt(10)]);
    };
  }

  /** The node nested 10 to 3,000 levels deep in arrays or objects. */
  private static JsonNode nest(JsonNode inner, SplittableRandom random) {
    int depth = random.nextInt(4) == 0 ? 1_000 + random.nextInt(2_000) : 1 + random.nextInt(50);
    JsonNode node = inner == null ? NODES.nullNode() : inner;
    boolean arrays = random.nextBoolean();
    for (int i = 0; i < depth; i++) {
      if (arrays) {
        node = NODES.arrayNode().add(node);
      } else {
        ObjectNode o = NODES.objectNode();
        o.set("a", node);
        node = o;
      }
    }
    return node;
  }

  /** Mutations Jackson's writer would never make: duplicate keys, escapes, raw NUL, truncation. */
  private static String mutateText(String text, SplittableRandom random) {
    int brace = text.indexOf('{', random.nextInt(Math.max(1, text.length())));
    brace = brace < 0 ? text.indexOf('{') : brace;
    return switch (random.nextInt(5)) {
      case 0 -> {
        // a duplicate of the key that follows the brace, with another type
        int q = brace < 0 ? -1 : text.indexOf('"', brace);
        int e = q < 0 ? -1 : text.indexOf('"', q + 1);
        yield e < 0
            ? text
            : text.substring(0, brace + 1)
                + text.substring(q, e + 1)
                + ":42,"
                + text.substring(brace + 1);
      }
      case 1 -> {
        int q = text.indexOf("\":\"", random.nextInt(Math.max(1, text.length())));
        String esc =
            new String[] {"\\u0000", "\\ud800", "\\udfff\\ud800", "\u0000", "\\x41"}
                [random.nextInt(5)];
        yield q < 0 ? text : text.substring(0, q + 3) + esc + text.substring(q + 3);
      }
      case 2 -> text.substring(0, random.nextInt(Math.max(1, text.length())));
      case 3 -> "[" + text + "]";
      default -> text + (random.nextBoolean() ? "," : " {}");
    };
  }

  /** Bytes that are not UTF-8 inside a string: a lone continuation, an encoded surrogate, 0xFF. */
  private static byte[] rawBytes(byte[] in, SplittableRandom random) {
    byte[][] bad = {
      {(byte) 0x80},
      {(byte) 0xC3, 0x28},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xFF},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xC0, (byte) 0xAF},
      {0}
    };
    int at = in.length == 0 ? 0 : random.nextInt(in.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 4);
    out.write(in, 0, at);
    out.writeBytes(bad[random.nextInt(bad.length)]);
    out.write(in, at, in.length - at);
    return out.toByteArray();
  }
}
