package org.emporium.edge.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract's simple schemas compiled once into plain checks, in front of the library's
 * validator. vertx-json-schema 5.0.7 interprets a schema anew for every value: it looks up each
 * keyword it knows in the schema's map and compiles a {@code pattern} on every call, which made
 * validating one UUID path parameter a seventh of a product read's time at the edge.
 *
 * <p>A compiled check answers {@code true} only for a value the library accepts too: the same
 * keywords with the same meaning (the same {@code java.util.regex} search for {@code pattern}, the
 * same lengths for ASCII strings, the library's own UUID form). Anything else, a failure included,
 * answers {@code false} and the caller asks the library, which also words the problem. Schemas
 * with a keyword this class does not know are not compiled at all ({@link #compile} gives null).
 */
final class QuickSchema {

  /** A compiled schema: true means the value is valid; false means "ask the validator". */
  @FunctionalInterface
  interface Check {
    boolean accepts(Object value);
  }

  private static final Set<String> ANNOTATIONS = Set.of("description", "title", "example", "examples",
      "default", "deprecated", "readOnly", "writeOnly", "$comment");
  private static final Set<String> STRING = Set.of("type", "minLength", "maxLength", "pattern", "format", "enum");
  // no enum: numbers in an enum compare by JSON value, not by Java type, which is the library's call
  private static final Set<String> INTEGER = Set.of("type", "minimum", "maximum");
  private static final Set<String> BOOLEAN = Set.of("type");
  private static final Set<String> OBJECT = Set.of("type", "properties", "required", "additionalProperties");
  private static final Set<String> ARRAY = Set.of("type", "items", "minItems", "maxItems");

  private QuickSchema() {
  }

  /** The check for {@code schema}, or null when it uses anything this class does not compile. */
  static Check compile(JsonSchema schema) {
    if (schema == null) {
      return null;
    }
    JsonObject plain = new JsonObject();
    for (String key : schema.fieldNames()) {
      plain.put(key, schema.get(key));
    }
    return compile(plain);
  }

  static Check compile(JsonObject schema) {
    if (!(schema.getValue("type") instanceof String type)) {
      return null;
    }
    return switch (type) {
      case "string" -> only(schema, STRING) ? string(schema) : null;
      case "integer" -> only(schema, INTEGER) ? integer(schema) : null;
      case "boolean" -> only(schema, BOOLEAN) ? value -> value instanceof Boolean : null;
      case "object" -> only(schema, OBJECT) ? object(schema) : null;
      case "array" -> only(schema, ARRAY) ? array(schema) : null;
      default -> null;
    };
  }

  private static boolean only(JsonObject schema, Set<String> keywords) {
    for (String key : schema.fieldNames()) {
      // keys of the form __name__ are the library's own marks on a resolved schema (its location)
      if (!keywords.contains(key) && !ANNOTATIONS.contains(key) && !(key.startsWith("__") && key.endsWith("__"))) {
        return false;
      }
    }
    return true;
  }

  private static Check string(JsonObject schema) {
    Object format = schema.getValue("format");
    if (format != null && !"uuid".equals(format)) {
      return null;
    }
    Integer min = whole(schema.getValue("minLength"));
    Integer max = whole(schema.getValue("maxLength"));
    if ((schema.containsKey("minLength") && min == null) || (schema.containsKey("maxLength") && max == null)) {
      return null;
    }
    Object patternText = schema.getValue("pattern");
    if (patternText != null && !(patternText instanceof String)) {
      return null;
    }
    Pattern pattern = patternText == null ? null : Pattern.compile((String) patternText);
    List<Object> allowed = allowed(schema);
    if (schema.containsKey("enum") && allowed == null) {
      return null;
    }
    boolean uuid = format != null;
    return value -> {
      if (!(value instanceof String text)) {
        return false;
      }
      if ((min != null || max != null) && !ascii(text)) {
        return false; // lengths count code points: leave those to the library
      }
      return (min == null || text.length() >= min) && (max == null || text.length() <= max)
          && (!uuid || uuid(text))
          && (pattern == null || pattern.matcher(text).find())
          && (allowed == null || allowed.contains(text));
    };
  }

  private static Check integer(JsonObject schema) {
    Object minimum = schema.getValue("minimum");
    Object maximum = schema.getValue("maximum");
    if ((minimum != null && !integral(minimum)) || (maximum != null && !integral(maximum))) {
      return null;
    }
    Long min = minimum == null ? null : ((Number) minimum).longValue();
    Long max = maximum == null ? null : ((Number) maximum).longValue();
    return value -> {
      if (!(value instanceof Integer) && !(value instanceof Long)) {
        return false;
      }
      long number = ((Number) value).longValue();
      return (min == null || number >= min) && (max == null || number <= max);
    };
  }

  private static Check object(JsonObject schema) {
    Object additional = schema.getValue("additionalProperties", true);
    if (!(additional instanceof Boolean)) {
      return null;
    }
    boolean closed = !(Boolean) additional;
    Map<String, Check> properties = new HashMap<>();
    Object declared = schema.getValue("properties");
    if (declared != null) {
      if (!(declared instanceof JsonObject fields)) {
        return null;
      }
      for (String name : fields.fieldNames()) {
        if (!(fields.getValue(name) instanceof JsonObject property)) {
          return null;
        }
        Check check = compile(property);
        if (check == null) {
          return null;
        }
        properties.put(name, check);
      }
    }
    List<String> required = new ArrayList<>();
    Object requiredNames = schema.getValue("required");
    if (requiredNames != null) {
      if (!(requiredNames instanceof JsonArray names)) {
        return null;
      }
      for (Object name : names) {
        if (!(name instanceof String text)) {
          return null;
        }
        required.add(text);
      }
    }
    return value -> {
      if (!(value instanceof JsonObject object)) {
        return false;
      }
      for (String name : required) {
        if (!object.containsKey(name)) {
          return false;
        }
      }
      for (Map.Entry<String, Object> field : object) {
        Check check = properties.get(field.getKey());
        if (check == null ? closed : !check.accepts(field.getValue())) {
          return false;
        }
      }
      return true;
    };
  }

  private static Check array(JsonObject schema) {
    Integer min = whole(schema.getValue("minItems"));
    Integer max = whole(schema.getValue("maxItems"));
    if ((schema.containsKey("minItems") && min == null) || (schema.containsKey("maxItems") && max == null)
        || !(schema.getValue("items") instanceof JsonObject itemSchema)) {
      return null;
    }
    Check items = compile(itemSchema);
    if (items == null) {
      return null;
    }
    return value -> {
      if (!(value instanceof JsonArray array)) {
        return false;
      }
      if ((min != null && array.size() < min) || (max != null && array.size() > max)) {
        return false;
      }
      for (Object item : array) {
        if (!items.accepts(item)) {
          return false;
        }
      }
      return true;
    };
  }

  /** A regex word, {@code \w+} without Unicode classes: ASCII letters, digits and underscores. */
  static boolean word(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static List<Object> allowed(JsonObject schema) {
    Object values = schema.getValue("enum");
    return values instanceof JsonArray array ? array.getList() : null;
  }

  private static Integer whole(Object value) {
    return value instanceof Integer number && number >= 0 ? number : null;
  }

  private static boolean integral(Object value) {
    return value instanceof Integer || value instanceof Long;
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The library's UUID format (hex digits in either case, 8-4-4-4-12), without its {@code urn:uuid:} form. */
  static boolean uuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (dash ? c != '-' : !hex) {
        return false;
      }
    }
    return true;
  }
}
