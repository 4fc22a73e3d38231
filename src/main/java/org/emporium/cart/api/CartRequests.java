package org.emporium.cart.api;

import io.vertx.core.json.JsonObject;
import org.emporium.cart.application.Rejected;
import org.emporium.cart.domain.Caller;
import org.emporium.cart.domain.CartRules;
import org.emporium.cart.domain.CartTokens;
import org.emporium.cart.domain.Rejection;
import org.emporium.cart.domain.Violation;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.id.Uuids;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads what a request carries: the caller (a customer allowed to own carts, and the hash of the
 * {@code X-Cart-Token}), ids and body members by type, every problem listed at once. Throws
 * {@link Rejected} (invalid) when something does not fit; the rules of values are the use cases'.
 */
final class CartRequests {

  static final String OWN = "cart:own";

  private final JsonObject body;
  private final List<Violation> violations = new ArrayList<>();

  private CartRequests(JsonObject body) {
    this.body = body == null ? new JsonObject() : body;
  }

  static CartRequests of(JsonObject body) {
    return new CartRequests(body);
  }

  /** The signed-in caller when their roles let them own carts, else null (they act as a guest). */
  static Principal customer(ForwardedRequest request) {
    return request.principal().filter(p -> p.has(OWN)).orElse(null);
  }

  static Caller caller(ForwardedRequest request) {
    Principal customer = customer(request);
    return caller(customer == null ? null : customer.customerId(), request.header("x-cart-token"));
  }

  static Caller caller(UUID customerId, String token) {
    if (token != null && !CartTokens.wellFormed(token)) {
      throw invalid("X-Cart-Token", "is not a cart token");
    }
    return new Caller(customerId, token == null ? null : CartTokens.hash(token));
  }

  static UUID cartId(ForwardedRequest request) {
    UUID id = Uuids.parse(request.path("cartId"));
    if (id == null) {
      throw invalid("cartId", "must be a UUID");
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

  /** A whole number, or null (reported) when it is not one. */
  Long integer(String name) {
    Object value = body.getValue(name);
    if (value instanceof Number n && n.doubleValue() % 1 == 0) {
      return n.longValue();
    }
    violations.add(new Violation("/" + name, value == null ? "is required" : "must be a whole number"));
    return null;
  }

  UUID uuid(String name, boolean required) {
    Object value = body.getValue(name);
    if (value == null && !required) {
      return null;
    }
    UUID id = Uuids.parse(value);
    if (id == null) {
      violations.add(new Violation("/" + name, value == null ? "is required" : "must be a UUID"));
    }
    return id;
  }

  String currency(String name) {
    String currency = string(name, false);
    if (currency != null) {
      CartRules.currency("/" + name, currency).ifPresent(violations::add);
    }
    return currency;
  }

  /** Throws when anything was wrong. */
  void done() {
    if (!violations.isEmpty()) {
      throw new Rejected(new Rejection.Invalid(List.copyOf(violations)));
    }
  }

  private static Rejected invalid(String field, String message) {
    return new Rejected(new Rejection.Invalid(List.of(new Violation(field, message))));
  }
}
