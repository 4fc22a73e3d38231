package org.emporium.catalog.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.catalog.domain.Violation;
import org.emporium.platform.id.Uuids;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a JSON object member by member, noting members of the wrong type and members that are not
 * allowed, so bus and gRPC callers get the same field errors as the contract gives REST callers.
 */
final class JsonInput {

  private final JsonObject json;
  private final String pointer;
  private final List<Violation> into;

  JsonInput(JsonObject json, String pointer, Set<String> allowed, List<Violation> into) {
    this.json = json;
    this.pointer = pointer;
    this.into = into;
    json.fieldNames().stream().filter(name -> !allowed.contains(name)).sorted()
        .forEach(name -> into.add(new Violation(pointer + "/" + name, "is not a known property")));
  }

  String string(String name) {
    Object value = json.getValue(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    return wrong(name, "must be a string");
  }

  UUID uuid(String name) {
    String text = string(name);
    if (text == null) {
      return null;
    }
    UUID id = Uuids.parse(text);
    return id != null ? id : wrong(name, "must be a UUID");
  }

  /** A whole number; fractions and numbers beyond a long are refused. */
  Long whole(String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 9.0e15) {
      return n.longValue();
    }
    return wrong(name, "must be a whole number");
  }

  Integer integer(String name) {
    Long value = whole(name);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      return wrong(name, "is too large");
    }
    return value.intValue();
  }

  Map<String, String> strings(String name) {
    Map<String, String> map = new LinkedHashMap<>();
    Object value = json.getValue(name);
    if (value == null) {
      return map;
    }
    if (!(value instanceof JsonObject object)) {
      return wrong(name, "must be an object of strings", map);
    }
    object.forEach(entry -> {
      if (entry.getValue() instanceof String text) {
        map.put(entry.getKey(), text);
      } else {
        into.add(new Violation(pointer + "/" + name + "/" + entry.getKey(), "must be a string"));
      }
    });
    return map;
  }

  /** The members of an array of objects; null entries and other types are reported. */
  List<JsonInput> objects(String name, Set<String> allowed) {
    Object value = json.getValue(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      return wrong(name, "must be an array", List.of());
    }
    java.util.ArrayList<JsonInput> items = new java.util.ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof JsonObject item) {
        items.add(new JsonInput(item, pointer + "/" + name + "/" + i, allowed, into));
      } else {
        into.add(new Violation(pointer + "/" + name + "/" + i, "must be an object"));
      }
    }
    return items;
  }

  JsonInput object(String name, Set<String> allowed) {
    Object value = json.getValue(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      return wrong(name, "must be an object");
    }
    return new JsonInput(object, pointer + "/" + name, allowed, into);
  }

  boolean has(String name) {
    return json.containsKey(name);
  }

  void violation(String name, String message) {
    into.add(new Violation(pointer + "/" + name, message));
  }

  private <T> T wrong(String name, String message) {
    return wrong(name, message, null);
  }

  private <T> T wrong(String name, String message, T fallback) {
    into.add(new Violation(pointer + "/" + name, message));
    return fallback;
  }
}
