package org.emporium.pricing.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.pricing.domain.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON object member by member, noting members of the wrong type and members that are not
 * allowed, so event-bus callers get the same field errors as the contract gives REST callers.
 */
final class JsonReader {

  private final JsonObject json;
  private final String pointer;
  private final List<Violation> into;

  JsonReader(JsonObject json, String pointer, Set<String> allowed, List<Violation> into) {
    this.json = json == null ? new JsonObject() : json;
    this.pointer = pointer;
    this.into = into;
    this.json.fieldNames().stream().filter(name -> !allowed.contains(name)).sorted()
        .forEach(name -> into.add(new Violation(pointer + "/" + name, "is not a known property")));
  }

  String string(String name) {
    Object value = json.getValue(name);
    return value == null || value instanceof String ? (String) value : wrong(name, "must be a string", null);
  }

  Boolean bool(String name) {
    Object value = json.getValue(name);
    return value == null || value instanceof Boolean ? (Boolean) value : wrong(name, "must be true or false", null);
  }

  /** A whole number within [min, max]; fractions, strings and numbers outside are refused. */
  Long whole(String name, long min, long max) {
    Object value = json.getValue(name);
    return value == null ? null : whole(value, pointer + "/" + name, min, max);
  }

  /** An object of whole numbers keyed by any string (currency codes are checked by the rules). */
  Map<String, Long> amounts(String name, long max) {
    Map<String, Long> amounts = new LinkedHashMap<>();
    Object value = json.getValue(name);
    if (value != null && !(value instanceof JsonObject)) {
      return wrong(name, "must be an object of amounts keyed by currency", amounts);
    }
    if (value instanceof JsonObject object) {
      object.forEach(entry -> {
        Long amount = whole(entry.getValue(), pointer + "/" + name + "/" + entry.getKey(), 0, max);
        if (amount != null) {
          amounts.put(entry.getKey(), amount);
        }
      });
    }
    return amounts;
  }

  /** An array of strings; absent is empty. */
  List<String> strings(String name, int maxItems) {
    List<String> items = new ArrayList<>();
    Object value = json.getValue(name);
    if (value == null) {
      return items;
    }
    if (!(value instanceof JsonArray array) || array.size() > maxItems) {
      return wrong(name, "must be an array of at most " + maxItems + " strings", items);
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof String text) {
        items.add(text);
      } else {
        into.add(new Violation(pointer + "/" + name + "/" + i, "must be a string"));
      }
    }
    return items;
  }

  /** A nested object's reader; an absent member reads as an empty object. */
  JsonReader object(String name, Set<String> allowed) {
    Object value = json.getValue(name);
    if (value != null && !(value instanceof JsonObject)) {
      into.add(new Violation(pointer + "/" + name, "must be an object"));
      value = null;
    }
    return new JsonReader((JsonObject) value, pointer + "/" + name, allowed, into);
  }

  void violation(String name, String message) {
    into.add(new Violation(pointer + "/" + name, message));
  }

  private Long whole(Object value, String at, long min, long max) {
    boolean integral = value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte;
    if (!integral || ((Number) value).longValue() < min || ((Number) value).longValue() > max) {
      into.add(new Violation(at, "must be a whole number from " + min + " to " + max));
      return null;
    }
    return ((Number) value).longValue();
  }

  private <T> T wrong(String name, String message, T fallback) {
    into.add(new Violation(pointer + "/" + name, message));
    return fallback;
  }
}
