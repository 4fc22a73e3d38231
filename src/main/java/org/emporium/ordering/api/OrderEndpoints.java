package org.emporium.ordering.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.ordering.application.OrderCursor;
import org.emporium.ordering.application.OrderJson;
import org.emporium.ordering.application.OrderQuery;
import org.emporium.ordering.application.OrderSettings;
import org.emporium.ordering.application.Placing;
import org.emporium.ordering.application.Reading;
import org.emporium.ordering.application.Rejected;
import org.emporium.ordering.application.Transitioning;
import org.emporium.ordering.application.Viewer;
import org.emporium.ordering.domain.OrderStatus;
import org.emporium.ordering.domain.Rejection;
import org.emporium.ordering.domain.Violation;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.id.Uuids;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * The operations behind the {@code ordering.*} addresses: internal ones (checkout's saga) take plain
 * JSON; forwarded ones take the edge's envelope. A customer ({@code orders:own}) sees and cancels
 * their own orders; {@code orders:manage} sees all, filters and moves orders on.
 */
final class OrderEndpoints {

  static final String OWN = "orders:own";
  static final String MANAGE = "orders:manage";
  private static final Set<OrderStatus> ADVANCES = Set.of(OrderStatus.FULFILLING, OrderStatus.SHIPPED,
      OrderStatus.DELIVERED);

  private final Placing placing;
  private final Transitioning transitioning;
  private final Reading reading;
  private final OrderSettings settings;
  private final Clock clock;

  OrderEndpoints(Placing placing, Transitioning transitioning, Reading reading, OrderSettings settings, Clock clock) {
    this.placing = placing;
    this.transitioning = transitioning;
    this.reading = reading;
    this.settings = settings;
    this.clock = clock;
  }

  Future<JsonObject> place(JsonObject body) {
    return placing.place(PlaceInput.order(body, clock.instant().truncatedTo(ChronoUnit.MICROS), "checkout"))
        .map(OrderJson::order);
  }

  Future<JsonObject> markPaid(JsonObject body) {
    OrderRequests in = new OrderRequests();
    UUID id = in.uuid(body, "/", "orderId", true);
    UUID paymentId = in.uuid(body, "/", "paymentId", true);
    in.done();
    return transitioning.markPaid(id, paymentId, "checkout").map(OrderJson::order);
  }

  Future<JsonObject> cancel(JsonObject body) {
    OrderRequests in = new OrderRequests();
    UUID id = in.uuid(body, "/", "orderId", true);
    String reason = in.string(body, "/", "reason", 4000, false);
    String actor = in.string(body, "/", "actor", 255, false);
    in.done();
    return transitioning.cancelForCheckout(id, actor == null ? "checkout" : actor,
        reason == null ? "cancelled" : reason).map(OrderJson::order);
  }

  /**
   * {@code ordering.cancel} is both the saga's internal address and the REST operation's (both
   * names are fixed); the edge's envelope always names its operation, a plain request never does.
   */
  Future<JsonObject> cancelEither(JsonObject body) {
    return body.containsKey("operation") ? cancelOrder(ForwardedRequest.of(body)) : cancel(body);
  }

  Future<JsonObject> listOrders(ForwardedRequest request) {
    Viewer viewer = viewer(request);
    OrderRequests in = new OrderRequests();
    JsonObject query = request.toJson().getJsonObject("query", new JsonObject());
    UUID customer = viewer.manager() ? in.uuid(query, "", "customerId", false) : viewer.customerId();
    String statusCode = in.string(query, "", "status", 32, false);
    OrderStatus status = statusCode == null ? null : OrderStatus.parse(statusCode).orElse(null);
    if (statusCode != null && status == null) {
      in.add(new Violation("status", "is not an order status"));
    }
    Instant from = instant(in, query, "from");
    Instant to = instant(in, query, "to");
    int limit = limit(in, query.getValue("limit"));
    String cursorText = in.string(query, "", "cursor", 512, false);
    OrderCursor after = cursorText == null ? null : OrderCursor.decode(cursorText).orElse(null);
    if (cursorText != null && after == null) {
      in.add(new Violation("cursor", "is not a cursor of this list"));
    }
    in.done();
    return reading.list(new OrderQuery(customer, status, from, to, after, limit)).map(page -> {
      JsonArray items = new JsonArray();
      page.items().forEach(order -> items.add(OrderJson.summary(order)));
      return ForwardedReply.ok(new JsonObject().put("items", items)
          .put("nextCursor", page.next() == null ? null : page.next().encode()));
    });
  }

  Future<JsonObject> getOrder(ForwardedRequest request) {
    return reading.get(orderId(request), viewer(request)).map(order -> ForwardedReply.ok(OrderJson.order(order)));
  }

  Future<JsonObject> cancelOrder(ForwardedRequest request) {
    Viewer viewer = viewer(request);
    OrderRequests in = new OrderRequests();
    String reason = in.string(request.body(), "/", "reason", 4000, false);
    in.done();
    return transitioning.cancel(orderId(request), viewer, reason == null ? "cancelled by " + (viewer.manager()
        ? "an administrator" : "the customer") : reason).map(order -> ForwardedReply.ok(OrderJson.order(order)));
  }

  Future<JsonObject> transitionOrder(ForwardedRequest request) {
    Principal caller = request.requirePermission(MANAGE);
    OrderRequests in = new OrderRequests();
    String code = in.string(request.body(), "/", "status", 32, true);
    OrderStatus to = code == null ? null : OrderStatus.parse(code).filter(ADVANCES::contains).orElse(null);
    if (code != null && to == null) {
      in.add(new Violation("/status", "must be one of fulfilling, shipped, delivered"));
    }
    String note = in.string(request.body(), "/", "note", 4000, false);
    in.done();
    return transitioning.advance(orderId(request), new Viewer(caller.customerId(), true, caller.subject()), to, note)
        .map(order -> ForwardedReply.ok(OrderJson.order(order)));
  }

  private int limit(OrderRequests in, Object value) {
    if (value == null) {
      return settings.defaultPageSize();
    }
    try {
      long limit = Long.parseLong(String.valueOf(value));
      if (limit >= 1) {
        return (int) Math.min(limit, settings.maxPageSize()); // a larger page is served as the largest
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    in.add(new Violation("limit", "must be a whole number, at least 1"));
    return 1;
  }

  private static Instant instant(OrderRequests in, JsonObject query, String key) {
    String text = in.string(query, "", key, 64, false);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      in.add(new Violation(key, "must be an RFC 3339 UTC timestamp"));
      return null;
    }
  }

  private static Viewer viewer(ForwardedRequest request) {
    Principal caller = request.requirePrincipal();
    if (caller.has(MANAGE)) {
      return new Viewer(caller.customerId(), true, caller.subject());
    }
    request.requirePermission(OWN);
    return new Viewer(caller.customerId(), false, caller.subject());
  }

  private static UUID orderId(ForwardedRequest request) {
    UUID id = Uuids.parse(request.path("id"));
    if (id == null) {
      throw new Rejected(new Rejection.NotFound("No order " + request.path("id") + "."));
    }
    return id;
  }
}
