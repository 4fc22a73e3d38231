package org.emporium.checkout;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the {@code payment.*} and {@code ordering.*} addresses the checkout saga calls,
 * following the cross-context contract (idempotent by id, the simulator's test cards). Kept in one
 * place so that the real contexts can replace them: drop {@link #register} and add the verticles
 * to the test role.
 */
final class CheckoutStandIns {

  static final String OK_CARD = "4242424242424242";
  static final String DECLINED = "4000000000000002";
  static final String NO_FUNDS = "4000000000009995";
  static final String NEVER_ANSWERS = "4000000000006975";

  final Map<String, JsonObject> payments = new ConcurrentHashMap<>();
  final Map<String, JsonObject> orders = new ConcurrentHashMap<>();
  final AtomicInteger captures = new AtomicInteger();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  static CheckoutStandIns register(Vertx vertx) {
    CheckoutStandIns standIns = new CheckoutStandIns();
    standIns.serve(vertx, "payment.authorise", standIns::authorise);
    standIns.serve(vertx, "payment.capture", standIns::capture);
    standIns.serve(vertx, "payment.void", standIns::voidPayment);
    standIns.serve(vertx, "ordering.place", standIns::place);
    standIns.serve(vertx, "ordering.markPaid", standIns::markPaid);
    standIns.serve(vertx, "ordering.cancel", standIns::cancel);
    Future.all(standIns.consumers.stream().map(MessageConsumer::completion).toList()).await();
    return standIns;
  }

  private void serve(Vertx vertx, String address, java.util.function.Consumer<Message<JsonObject>> handler) {
    consumers.add(vertx.eventBus().consumer(address, handler::accept));
  }

  String status(String paymentId) {
    JsonObject payment = payments.get(paymentId);
    return payment == null ? null : payment.getString("status");
  }

  private void authorise(Message<JsonObject> message) {
    JsonObject body = message.body();
    String id = body.getString("paymentId");
    String number = body.getJsonObject("card").getString("number");
    JsonObject payment = payments.computeIfAbsent(id, k -> {
      String status = switch (number) {
        case DECLINED, NO_FUNDS -> "failed";
        case NEVER_ANSWERS -> "pending";
        default -> "authorised";
      };
      return new JsonObject().put("paymentId", id).put("reference", body.getString("reference"))
          .put("customerId", body.getValue("customerId")).put("status", status).put("amount", body.getJsonObject("amount"))
          .put("card", new JsonObject().put("brand", "visa").put("last4", number.substring(number.length() - 4)))
          .put("reason", DECLINED.equals(number) ? "declined" : NO_FUNDS.equals(number) ? "insufficient_funds" : null)
          .put("provider", "stand-in").put("createdAt", Instant.now().toString());
    });
    switch (payment.getString("status")) {
      case "voided" -> fail(message, 409, "The payment was voided.", null);
      case "failed" -> fail(message, 402, "The card was " + ("declined".equals(payment.getString("reason"))
          ? "declined." : "refused: insufficient funds."), payment.getString("reason"));
      case "pending" -> { } // the provider never answers in time
      default -> message.reply(payment.copy());
    }
  }

  private void capture(Message<JsonObject> message) {
    JsonObject payment = payments.get(message.body().getString("paymentId"));
    if (payment == null) {
      fail(message, 404, "No such payment.", null);
    } else if (!"authorised".equals(payment.getString("status")) && !"captured".equals(payment.getString("status"))) {
      fail(message, 409, "The payment is " + payment.getString("status") + ".", null);
    } else {
      if (!"captured".equals(payment.getString("status"))) {
        captures.incrementAndGet();
        payment.put("status", "captured").put("orderId", message.body().getString("orderId"));
      }
      message.reply(payment.copy());
    }
  }

  private void voidPayment(Message<JsonObject> message) {
    String id = message.body().getString("paymentId");
    JsonObject payment = payments.computeIfAbsent(id, k -> new JsonObject().put("paymentId", id).put("status", "voided"));
    if ("captured".equals(payment.getString("status"))) {
      fail(message, 409, "A captured payment is refunded, not voided.", null);
    } else {
      if (!"failed".equals(payment.getString("status"))) {
        payment.put("status", "voided");
      }
      message.reply(payment.copy());
    }
  }

  private void place(Message<JsonObject> message) {
    JsonObject body = message.body();
    JsonObject quote = body.getJsonObject("quote");
    JsonObject order = orders.computeIfAbsent(body.getString("orderId"), id -> new JsonObject().put("orderId", id)
        .put("checkoutId", body.getString("checkoutId")).put("customerId", body.getValue("customerId"))
        .put("email", body.getString("email")).put("status", "pending").put("currency", quote.getString("currency"))
        .put("lines", lines(quote)).put("subtotal", quote.getJsonObject("subtotal"))
        .put("discountTotal", quote.getJsonObject("discountTotal")).put("shipping", quote.getJsonObject("shipping"))
        .put("taxTotal", quote.getJsonObject("taxTotal")).put("total", quote.getJsonObject("total"))
        .put("taxInclusive", quote.getBoolean("taxInclusive")).put("coupons", quote.getJsonArray("coupons"))
        .put("shippingAddress", body.getJsonObject("shippingAddress")).put("paymentId", body.getString("paymentId"))
        .put("reservationId", body.getString("reservationId")).put("region", body.getString("region"))
        .put("refunded", new JsonObject().put("amount", 0).put("currency", quote.getString("currency")))
        .put("createdAt", Instant.now().toString()).put("updatedAt", Instant.now().toString()).put("version", 1));
    message.reply(order.copy());
  }

  private void markPaid(Message<JsonObject> message) {
    JsonObject order = orders.get(message.body().getString("orderId"));
    if (order == null) {
      fail(message, 404, "No such order.", null);
    } else if ("cancelled".equals(order.getString("status"))) {
      fail(message, 409, "The order is cancelled.", null);
    } else {
      order.put("status", "paid");
      message.reply(order.copy());
    }
  }

  private void cancel(Message<JsonObject> message) {
    JsonObject order = orders.get(message.body().getString("orderId"));
    if (order == null) {
      fail(message, 404, "No such order.", null);
    } else {
      order.put("status", "cancelled");
      message.reply(order.copy());
    }
  }

  private static JsonArray lines(JsonObject quote) {
    JsonArray lines = new JsonArray();
    quote.getJsonArray("lines").forEach(l -> {
      JsonObject line = (JsonObject) l;
      lines.add(new JsonObject().put("sku", line.getString("sku")).put("quantity", line.getInteger("quantity"))
          .put("unitPrice", line.getJsonObject("unitPrice")).put("subtotal", line.getJsonObject("subtotal"))
          .put("discount", line.getJsonObject("discount")).put("tax", line.getJsonObject("tax"))
          .put("total", line.getJsonObject("total")));
    });
    return lines;
  }

  private static void fail(Message<JsonObject> message, int status, String detail, String reason) {
    JsonObject problem = new JsonObject().put("type", "/problems/stand-in").put("title", "Refused")
        .put("status", status).put("detail", detail);
    if (reason != null) {
      problem.put("reason", reason);
    }
    message.fail(status, problem.encode());
  }
}
