package org.emporium.ordering.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.ordering.application.Rejected;
import org.emporium.ordering.domain.Rejection;
import org.emporium.ordering.domain.Violation;
import org.emporium.platform.id.Uuids;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads request fields, collecting every violation; {@link #done()} refuses the request if there was one. */
final class OrderRequests {

  private final List<Violation> violations = new ArrayList<>();

  UUID uuid(JsonObject body, String pointer, String key, boolean required) {
    Object value = body.getValue(key);
    if (value == null) {
      if (required) {
        violations.add(new Violation(pointer + key, "is required"));
      }
      return null;
    }
    UUID id = Uuids.parse(value);
    if (id == null) {
      violations.add(new Violation(pointer + key, "must be a UUID"));
    }
    return id;
  }

  String string(JsonObject body, String pointer, String key, int max, boolean required) {
    Object value = body.getValue(key);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank() || text.length() > max) {
      violations.add(new Violation(pointer + key, "must be a text of 1 to " + max + " characters"));
      return null;
    }
    return text;
  }

  JsonObject object(JsonObject body, String pointer, String key) {
    if (body.getValue(key) instanceof JsonObject object) {
      return object;
    }
    violations.add(new Violation(pointer + key, "must be an object"));
    return new JsonObject();
  }

  JsonArray array(JsonObject body, String pointer, String key, boolean required) {
    Object value = body.getValue(key);
    if (value instanceof JsonArray array) {
      return array;
    }
    if (value != null || required) {
      violations.add(new Violation(pointer + key, "must be an array"));
    }
    return new JsonArray();
  }

  /** A money member: {@code {amount, currency}} in {@code currency}, amount >= 0. */
  long money(JsonObject body, String pointer, String key, String currency) {
    if (body.getValue(key) instanceof JsonObject money && money.getValue("amount") instanceof Number amount
        && (currency == null || currency.equals(money.getValue("currency"))) && amount.longValue() >= 0) {
      return amount.longValue();
    }
    violations.add(new Violation(pointer + key, "must be {amount >= 0, currency: " + currency + "}"));
    return 0;
  }

  int positive(JsonObject body, String pointer, String key) {
    if (body.getValue(key) instanceof Number n && n.longValue() >= 1 && n.longValue() <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    violations.add(new Violation(pointer + key, "must be a positive whole number"));
    return 1;
  }

  boolean bool(JsonObject body, String pointer, String key) {
    if (body.getValue(key) instanceof Boolean b) {
      return b;
    }
    violations.add(new Violation(pointer + key, "must be true or false"));
    return false;
  }

  void add(Violation violation) {
    violations.add(violation);
  }

  void done() {
    if (!violations.isEmpty()) {
      throw new Rejected(new Rejection.Invalid(List.copyOf(violations)));
    }
  }
}
