package org.emporium.customer.api;

import io.vertx.core.json.JsonObject;
import org.emporium.customer.domain.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON body member by member, noting members of the wrong type and members that are not
 * allowed. A body may not name what the caller must not set (customer id, roles, email): the
 * contract refuses unknown members at the edge, and the context refuses them again here.
 */
final class BodyReader {

  private final JsonObject json;
  private final String pointer;
  private final List<Violation> violations;

  private BodyReader(JsonObject json, String pointer, Set<String> allowed, List<Violation> violations) {
    this.json = json;
    this.pointer = pointer;
    this.violations = violations;
    json.fieldNames().stream().filter(name -> !allowed.contains(name)).sorted()
        .forEach(name -> violations.add(new Violation(pointer + "/" + name, "is not a known property")));
  }

  static BodyReader of(JsonObject body, Set<String> allowed) {
    return new BodyReader(body, "", allowed, new ArrayList<>());
  }

  String string(String name) {
    Object value = json.getValue(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    violations.add(new Violation(pointer + "/" + name, "must be a string"));
    return null;
  }

  boolean bool(String name) {
    Object value = json.getValue(name);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    violations.add(new Violation(pointer + "/" + name, "must be true or false"));
    return false;
  }

  /** A nested object sharing this reader's violations; null when absent or not an object. */
  BodyReader object(String name, Set<String> allowed) {
    Object value = json.getValue(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject nested)) {
      violations.add(new Violation(pointer + "/" + name, "must be an object"));
      return null;
    }
    if (nested.isEmpty()) {
      violations.add(new Violation(pointer + "/" + name, "must have at least one member"));
    }
    return new BodyReader(nested, pointer + "/" + name, allowed, violations);
  }

  List<Violation> violations() {
    return List.copyOf(violations);
  }
}
