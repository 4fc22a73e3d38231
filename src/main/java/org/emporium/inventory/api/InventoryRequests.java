package org.emporium.inventory.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.inventory.application.Rejected;
import org.emporium.inventory.domain.Rejection;
import org.emporium.inventory.domain.ReservationLine;
import org.emporium.inventory.domain.ReservationRequest;
import org.emporium.inventory.domain.Violation;
import org.emporium.platform.id.Uuids;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads request bodies: types and presence only, every problem listed at once; the rules of the
 * values are the use cases'. Throws {@link Rejected} (invalid) when a body does not fit.
 */
final class InventoryRequests {

  private final JsonObject body;
  private final List<Violation> violations = new ArrayList<>();

  private InventoryRequests(JsonObject body) {
    this.body = body == null ? new JsonObject() : body;
  }

  static InventoryRequests of(JsonObject body) {
    return new InventoryRequests(body);
  }

  /** {@code {reservationId, reference, region?, ttlSeconds?, lines: [{sku, quantity}]}}. */
  static ReservationRequest reservation(JsonObject body, String defaultRegion, long defaultTtl) {
    InventoryRequests in = of(body);
    UUID id = in.uuid("reservationId", true);
    String reference = in.string("reference", true);
    String region = in.string("region", false);
    Long ttl = in.integer("ttlSeconds", false);
    List<ReservationLine> lines = new ArrayList<>();
    Object value = in.body.getValue("lines");
    if (!(value instanceof JsonArray array)) {
      in.violations.add(new Violation("/lines", "must be an array of {sku, quantity}"));
    } else {
      for (int i = 0; i < array.size(); i++) {
        Object item = array.getValue(i);
        if (!(item instanceof JsonObject line) || !(line.getValue("sku") instanceof String sku)
            || !(line.getValue("quantity") instanceof Number quantity) || quantity.doubleValue() % 1 != 0) {
          in.violations.add(new Violation("/lines/" + i, "must be {sku: string, quantity: whole number}"));
          continue;
        }
        long units = quantity.longValue();
        lines.add(new ReservationLine(sku, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, units))));
      }
    }
    in.done();
    return new ReservationRequest(id, reference, region == null ? defaultRegion : region, lines,
        ttl == null ? defaultTtl : ttl);
  }

  UUID uuid(String name, boolean required) {
    Object value = body.getValue(name);
    if (value == null) {
      if (required) {
        violations.add(new Violation("/" + name, "is required"));
      }
      return null;
    }
    UUID id = parseUuid(value);
    if (id == null) {
      violations.add(new Violation("/" + name, "must be a UUID"));
    }
    return id;
  }

  String string(String name, boolean required) {
    Object value = body.getValue(name);
    if (value instanceof String text) {
      return text;
    }
    if (value != null || required) {
      violations.add(new Violation("/" + name, value == null ? "is required" : "must be a string"));
    }
    return null;
  }

  Long integer(String name, boolean required) {
    Object value = body.getValue(name);
    if (value instanceof Number n && n.doubleValue() % 1 == 0) {
      return n.longValue();
    }
    if (value != null || required) {
      violations.add(new Violation("/" + name, value == null ? "is required" : "must be a whole number"));
    }
    return null;
  }

  List<String> strings(String name) {
    Object value = body.getValue(name);
    List<String> items = new ArrayList<>();
    if (!(value instanceof JsonArray array)) {
      violations.add(new Violation("/" + name, "must be an array of strings"));
      return items;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof String text) {
        items.add(text);
      } else {
        violations.add(new Violation("/" + name + "/" + i, "must be a string"));
      }
    }
    return items;
  }

  /** Throws when anything was wrong. */
  void done() {
    if (!violations.isEmpty()) {
      throw new Rejected(new Rejection.Invalid(violations));
    }
  }

  static UUID parseUuid(Object value) {
    return Uuids.parse(value);
  }

  /** Clamps to int range so an absurd number is reported by the rules, not overflowed. */
  static int clamp(Long value) {
    return value == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
