package org.emporium.reliability.hostile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * What a hostile client puts in one field, chosen from the field's schema: wrong types, missing or
 * null, out-of-range numbers, strings too long or breaking the format, enum values that do not
 * exist, and strings that are valid by the contract but known to break code behind it (NUL, lone
 * surrogates, injection payloads). Some JSON values cannot be made by a JSON library (a lone
 * surrogate, 1e400, 2^63): they are {@link Raw} text put into the encoded body as is.
 */
final class BadValues {

  /** A field left out of the request. */
  static final Object MISSING = new Object() {
    @Override
    public String toString() {
      return "<missing>";
    }
  };

  /** JSON text written into the body verbatim in place of a value. */
  record Raw(String json) {
  }

  /** One bad value: what kind of bad it is, and the value ({@link #MISSING}, {@link Raw} or a JSON value). */
  record Bad(String kind, Object value) {
  }

  /** Strings most code paths must survive; none needs a pattern to pass. */
  static final List<String> HOSTILE_STRINGS = List.of("nul\u0000byte", "' OR '1'='1' --", "../../../../etc/passwd",
      "${jndi:ldap://127.0.0.1:1/a}", "<script>alert(1)</script>", "\u202eevil\u202d", "😀🙃".repeat(8),
      "%00%0d%0aSet-Cookie: x=y", "\\\\server\\share", "{{7*7}}", "\u0007\u001b[31m");

  private BadValues() {
  }

  /** The bad values for a field of {@code schema}; {@code required} adds leaving it out. */
  static List<Bad> of(JsonObject schema, boolean required, boolean json) {
    List<Bad> bad = new ArrayList<>();
    if (required) {
      bad.add(new Bad("missing required", MISSING));
    }
    String type = Values.type(schema);
    if (json) {
      bad.add(new Bad("null", null));
      bad.add(switch (type) {
        case "string" -> new Bad("wrong type", 12345);
        case "integer", "number" -> new Bad("wrong type", "seven");
        case "boolean" -> new Bad("wrong type", "yes");
        case "array" -> new Bad("wrong type", new JsonObject().put("a", 1));
        default -> new Bad("wrong type", new JsonArray().add("x"));
      });
      bad.add(new Bad("wrong type", type.equals("object") ? "text" : new JsonObject().put("nested", true)));
    }
    if (schema.containsKey("enum")) {
      bad.add(new Bad("bad enum", "NOT_A_VALUE"));
      bad.add(new Bad("bad enum", String.valueOf(schema.getJsonArray("enum").getValue(0)).toUpperCase() + " "));
    }
    switch (type) {
      case "integer", "number" -> numbers(schema, json, bad);
      case "array" -> arrays(schema, bad);
      case "string" -> strings(schema, json, bad);
      default -> {
      }
    }
    return bad;
  }

  private static void numbers(JsonObject schema, boolean json, List<Bad> bad) {
    Number min = schema.getNumber("minimum");
    Number max = schema.getNumber("maximum");
    bad.add(number("negative", -1, json));
    if (min != null) {
      bad.add(number("below minimum", min.longValue() - 1, json));
      bad.add(number("at minimum", min.longValue(), json));
    }
    if (max != null) {
      bad.add(number("above maximum", max.longValue() + 1, json));
      bad.add(number("at maximum", max.longValue(), json));
    }
    bad.add(raw("huge number", "9223372036854775808", json));
    bad.add(raw("huge number", "1e400", json));
    bad.add(raw("huge number", "-99999999999999999999999999999999999999", json));
    if ("integer".equals(Values.type(schema))) {
      bad.add(raw("fraction", "1.5", json));
    }
    bad.add(raw("not a number", json ? "NaN" : "0x1F", json));
  }

  private static Bad number(String kind, long value, boolean json) {
    return new Bad(kind, json ? (Object) value : String.valueOf(value));
  }

  private static Bad raw(String kind, String text, boolean json) {
    return new Bad(kind, json ? new Raw(text) : text);
  }

  private static void arrays(JsonObject schema, List<Bad> bad) {
    int maxItems = schema.getInteger("maxItems", 1000);
    JsonArray many = new JsonArray();
    for (int i = 0; i <= maxItems; i++) {
      many.add("item-" + i);
    }
    bad.add(new Bad("too many items", many));
    bad.add(new Bad("empty array", new JsonArray()));
    bad.add(new Bad("wrong item type", new JsonArray().add(new JsonArray().add(new JsonArray())).addNull()));
  }

  private static void strings(JsonObject schema, boolean json, List<Bad> bad) {
    int maxLength = schema.getInteger("maxLength", 4096);
    bad.add(new Bad("too long", "A".repeat(maxLength + 1)));
    bad.add(new Bad("huge string", "Z".repeat(json ? 200_000 : 6_000)));
    bad.add(new Bad("empty string", ""));
    bad.add(new Bad("whitespace only", "   "));
    if (schema.containsKey("pattern")) {
      bad.add(new Bad("breaks pattern", "!!bad value!!"));
    }
    switch (schema.getString("format", "")) {
      case "uuid" -> {
        bad.add(new Bad("bad uuid", "not-a-uuid"));
        bad.add(new Bad("bad uuid", "00000000-0000-0000-0000-00000000000Z"));
        bad.add(new Bad("nil uuid", "00000000-0000-0000-0000-000000000000"));
        bad.add(new Bad("unknown uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff"));
      }
      case "email" -> {
        bad.add(new Bad("bad email", "no-at-sign"));
        bad.add(new Bad("bad email", "a@b@c"));
      }
      case "date-time" -> bad.add(new Bad("bad date-time", "31/12/2024 25:61"));
      case "uri", "uri-reference" -> bad.add(new Bad("bad uri", "javascript:alert(1)"));
      default -> {
      }
    }
    if (schema.getString("pattern", "").contains("[A-Z]{3}")) {
      bad.add(new Bad("bad currency", "usd"));
      bad.add(new Bad("unknown currency", "ZZZ"));
    }
    for (String hostile : HOSTILE_STRINGS) {
      bad.add(new Bad("hostile string", hostile));
    }
    if (json) {
      bad.add(new Bad("lone surrogate", new Raw("\"a\\ud800b\"")));
    }
    if (!schema.containsKey("pattern") && !schema.containsKey("format") && !schema.containsKey("enum")) {
      bad.add(new Bad("at max length", "m".repeat(Math.min(maxLength, 100_000))));
    }
  }
}
