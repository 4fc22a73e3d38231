package org.emporium.reliability.hostile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Values a schema accepts, so that a case breaks one field while the rest of the request is valid:
 * the seeded world's ids for the names it knows, otherwise the first of a few plain candidates that
 * fits the schema's type, format, pattern and bounds.
 */
final class Values {

  private static final List<String> CANDIDATES = List.of("USD", "DE", "en", "abc", "hostile-1", "a1", "Europe/Paris",
      "10", "12.5", "0.1", "2026-01-01T00:00", "4242424242424242", "12/30", "4006381333931", "+49 30 123456",
      "simulator", "Hostile value");

  private final Contract contract;
  private final Map<String, String> known;
  private final Random random;

  Values(Contract contract, Map<String, String> known, Random random) {
    this.contract = contract;
    this.known = known;
    this.random = random;
  }

  /** A valid value for {@code schema}; {@code name} is the property or parameter it is for. */
  Object valid(String name, JsonObject raw) {
    JsonObject schema = contract.resolve(raw);
    if (schema == null) {
      return "x";
    }
    if (schema.containsKey("const")) {
      return schema.getValue("const");
    }
    if (schema.containsKey("enum")) {
      return schema.getJsonArray("enum").getValue(0);
    }
    for (String choice : List.of("oneOf", "anyOf")) {
      if (schema.containsKey(choice)) {
        return valid(name, schema.getJsonArray(choice).getJsonObject(0));
      }
    }
    if (schema.containsKey("allOf")) {
      JsonObject merged = new JsonObject();
      schema.getJsonArray("allOf").forEach(part -> merged.mergeIn(contract.resolve((JsonObject) part), true));
      return valid(name, merged);
    }
    return switch (type(schema)) {
      case "integer", "number" -> number(schema);
      case "boolean" -> Boolean.FALSE;
      case "array" -> array(name, schema);
      case "object" -> object(schema);
      default -> string(name, schema);
    };
  }

  static String type(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof JsonArray types) {
      return types.stream().filter(t -> !"null".equals(t)).findFirst().map(String::valueOf).orElse("null");
    }
    if (type == null) {
      return schema.containsKey("properties") ? "object" : "string";
    }
    return String.valueOf(type);
  }

  private Object number(JsonObject schema) {
    long min = schema.getNumber("minimum", 1).longValue();
    long max = schema.getNumber("maximum", Long.MAX_VALUE).longValue();
    long value = Math.min(Math.max(1, min), max);
    return value;
  }

  private JsonArray array(String name, JsonObject schema) {
    JsonArray items = new JsonArray();
    int count = Math.max(1, schema.getInteger("minItems", 1));
    for (int i = 0; i < count; i++) {
      Object item = valid(name, schema.getJsonObject("items", new JsonObject()));
      // unique items: vary strings
      items.add(i > 0 && item instanceof String text ? text + i : item);
    }
    return items;
  }

  JsonObject object(JsonObject schema) {
    JsonObject value = new JsonObject();
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    JsonArray required = schema.getJsonArray("required", new JsonArray());
    for (String property : properties.fieldNames()) {
      if (required.contains(property) || known.containsKey(property)) {
        value.put(property, valid(property, properties.getJsonObject(property)));
      }
    }
    if (value.isEmpty() && schema.getValue("additionalProperties") instanceof JsonObject entries) {
      value.put("USD", valid("USD", entries));
    }
    if (value.isEmpty() && schema.getInteger("minProperties", 0) > 0 && !properties.isEmpty()) {
      String first = properties.fieldNames().iterator().next();
      value.put(first, valid(first, properties.getJsonObject(first)));
    }
    return value;
  }

  private String string(String name, JsonObject schema) {
    String format = schema.getString("format", "");
    if (known.containsKey(name) && fits(known.get(name), schema)) {
      return known.get(name);
    }
    switch (format) {
      case "uuid" -> {
        return new UUID(random.nextLong(), random.nextLong()).toString();
      }
      case "email" -> {
        return "hostile-" + Integer.toHexString(random.nextInt()) + "@example.com";
      }
      case "date-time" -> {
        return "2030-01-01T00:00:00Z";
      }
      case "uri", "uri-reference" -> {
        return "https://img.example.com/hostile.jpg";
      }
      default -> {
      }
    }
    for (String candidate : CANDIDATES) {
      if (fits(candidate, schema)) {
        return candidate;
      }
    }
    int min = schema.getInteger("minLength", 1);
    return "a".repeat(Math.max(1, min));
  }

  static boolean fits(String value, JsonObject schema) {
    if (value.length() < schema.getInteger("minLength", 0) || value.length() > schema.getInteger("maxLength", 1 << 20)) {
      return false;
    }
    String pattern = schema.getString("pattern");
    return pattern == null || Pattern.compile(pattern).matcher(value).find();
  }
}
