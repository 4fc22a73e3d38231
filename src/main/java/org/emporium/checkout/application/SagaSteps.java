package org.emporium.checkout.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.checkout.domain.Compensation;
import org.emporium.checkout.domain.PurchaseCaps;
import org.emporium.checkout.domain.Step;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Each step and compensation as one request to the context that owns it (addresses and bodies in
 * docs/checkout.md), and what of its answer the saga keeps in its context.
 */
final class SagaSteps {

  private final Downstream downstream;
  private final PurchaseCounts counts;
  private final PurchaseCaps caps;
  private final String region;
  private final long reservationTtlSeconds;

  SagaSteps(Downstream downstream, PurchaseCounts counts, PurchaseCaps caps, String region,
      long reservationTtlSeconds) {
    this.downstream = downstream;
    this.counts = counts;
    this.caps = caps;
    this.region = region;
    this.reservationTtlSeconds = reservationTtlSeconds;
  }

  /** Runs {@code step}; the context to keep after it. */
  Future<JsonObject> run(Step step, SagaRecord saga, Secrets secrets) {
    JsonObject ctx = saga.context().copy();
    return switch (step) {
      case VIEW -> downstream.request("cart.checkoutView", new JsonObject().put("cartId", saga.cartId().toString())
              .put("customerId", saga.customer()).put("cartToken", secrets.cartToken()))
          .map(view -> ctx.put("view", new JsonObject().put("currency", view.getString("currency"))
              .put("lines", view.getJsonArray("lines")).put("couponCodes", view.getJsonArray("couponCodes"))
              .put("version", view.getLong("version"))));
      case QUOTE -> downstream.request("pricing.quote", quoteRequest(saga, ctx)).map(quote -> ctx.put("quote", quote));
      case CAP -> cap(saga, ctx);
      case RESERVE -> downstream.request("inventory.reserve", new JsonObject()
              .put("reservationId", saga.reservationId().toString()).put("reference", saga.id().toString())
              .put("region", region).put("ttlSeconds", reservationTtlSeconds).put("lines", units(ctx)))
          .map(reservation -> ctx);
      case AUTHORISE -> downstream.request("payment.authorise", new JsonObject()
              .put("paymentId", saga.paymentId().toString()).put("reference", saga.id().toString())
              .put("customerId", saga.customer()).put("amount", quote(ctx).getJsonObject("total"))
              .put("card", card(secrets)))
          .map(payment -> ctx.put("card", payment.getJsonObject("card")));
      case REDEEM -> redeem(saga, ctx).map(redeemed -> ctx);
      case PLACE -> downstream.request("ordering.place", new JsonObject().put("orderId", saga.orderId().toString())
              .put("checkoutId", saga.id().toString()).put("customerId", saga.customer())
              .put("email", ctx.getString("email")).put("region", region)
              .put("shippingAddress", ctx.getJsonObject("shippingAddress"))
              .put("paymentId", saga.paymentId().toString()).put("reservationId", saga.reservationId().toString())
              .put("quote", quote(ctx)))
          .map(order -> ctx);
      case CAPTURE -> downstream.request("payment.capture", new JsonObject()
              .put("paymentId", saga.paymentId().toString()).put("orderId", saga.orderId().toString()))
          .map(payment -> ctx);
      case MARK_PAID -> downstream.request("ordering.markPaid", new JsonObject()
              .put("orderId", saga.orderId().toString()).put("paymentId", saga.paymentId().toString()))
          .map(order -> ctx.put("order", order));
      case COMMIT -> downstream.request("inventory.commit", new JsonObject()
              .put("reservationId", saga.reservationId().toString())).map(reservation -> ctx);
      case CLEAR -> downstream.request("cart.checkedOut", new JsonObject().put("cartId", saga.cartId().toString())
              .put("orderId", saga.orderId().toString())
              .put("version", ctx.getJsonObject("view").getLong("version"))).map(done -> ctx);
    };
  }

  Future<JsonObject> undo(Compensation compensation, SagaRecord saga) {
    return switch (compensation) {
      case RETURN_UNITS -> counts.giveBack(saga.id()).map(v -> new JsonObject());
      case CANCEL_ORDER -> downstream.request("ordering.cancel", new JsonObject()
          .put("orderId", saga.orderId().toString()).put("reason", "checkout failed").put("actor", "checkout"));
      case RELEASE_COUPONS -> downstream.request("pricing.releaseCoupons", new JsonObject()
          .put("orderId", saga.orderId().toString()));
      case VOID_PAYMENT -> downstream.request("payment.void", new JsonObject()
          .put("paymentId", saga.paymentId().toString()));
      case RELEASE_STOCK -> downstream.request("inventory.release", new JsonObject()
          .put("reservationId", saga.reservationId().toString()));
    };
  }

  /** Cancels the paid order of a checkout whose units were gone at the commit; its refund follows. */
  Future<JsonObject> cancelSoldOut(SagaRecord saga) {
    return downstream.request("ordering.cancel", new JsonObject().put("orderId", saga.orderId().toString())
        .put("reason", "out of stock when the sale was recorded; payment refunded").put("actor", "checkout"));
  }

  /** Counts the capped lines for the buyer; a line over its cap refuses the checkout (409, naming the line). */
  private Future<JsonObject> cap(SagaRecord saga, JsonObject ctx) {
    List<PurchaseCaps.Line> lines = new ArrayList<>();
    ctx.getJsonObject("view").getJsonArray("lines").forEach(l -> lines.add(new PurchaseCaps.Line(
        ((JsonObject) l).getString("sku"), ((JsonObject) l).getInteger("quantity"))));
    List<PurchaseCaps.Claim> claims = caps.claims(lines);
    if (claims.isEmpty()) {
      return Future.succeededFuture(ctx);
    }
    return counts.take(saga.id(), PurchaseCaps.buyer(saga.customerId(), ctx.getString("email")), claims)
        .compose(over -> over.isEmpty() ? Future.succeededFuture(ctx) : Future.failedFuture(new Problem(
            ErrorCode.CONFLICT, "The order is over the purchase limit of " + describe(over) + ".",
            over.stream().map(claim -> new Problem.FieldError("/lines/" + claim.line() + "/quantity",
                "at most " + claim.cap() + " units of " + claim.sku() + " per customer, counting earlier orders"))
                .toList()).toException()));
  }

  private static String describe(List<PurchaseCaps.Claim> over) {
    return String.join(", ", over.stream().map(claim -> claim.cap() + " units of " + claim.sku() + " per customer")
        .toList());
  }

  private static JsonObject quoteRequest(SagaRecord saga, JsonObject ctx) {
    JsonObject view = ctx.getJsonObject("view");
    JsonObject address = ctx.getJsonObject("shippingAddress");
    JsonArray codes = ctx.getJsonArray("couponCodes", view.getJsonArray("couponCodes", new JsonArray()));
    return new JsonObject().put("lines", units(ctx)).put("currency", ctx.getString("currency", view.getString("currency")))
        .put("shipTo", new JsonObject().put("country", address.getString("country"))
            .put("region", address.getString("region")))
        .put("customerId", saga.customer()).put("couponCodes", codes);
  }

  /** Every order is redeemed, also without codes; categories are looked up only when codes need them. */
  private Future<JsonObject> redeem(SagaRecord saga, JsonObject ctx) {
    JsonObject quote = quote(ctx);
    JsonArray codes = new JsonArray();
    quote.getJsonArray("coupons", new JsonArray()).forEach(c -> codes.add(((JsonObject) c).getString("code")));
    JsonArray skus = new JsonArray();
    quote.getJsonArray("lines").forEach(l -> skus.add(((JsonObject) l).getString("sku")));
    Future<JsonObject> categories = codes.isEmpty() ? Future.succeededFuture(new JsonObject())
        : downstream.request("catalog.lookupSkus", new JsonObject().put("skus", skus)).map(found -> {
          JsonObject bySku = new JsonObject();
          found.getJsonArray("items", new JsonArray()).forEach(i -> bySku.put(((JsonObject) i).getString("sku"),
              ((JsonObject) i).getJsonArray("categoryPath", new JsonArray())));
          return bySku;
        });
    return categories.compose(bySku -> {
      JsonArray lines = new JsonArray();
      quote.getJsonArray("lines").forEach(l -> {
        JsonObject line = (JsonObject) l;
        lines.add(new JsonObject().put("sku", line.getString("sku"))
            .put("categoryIds", bySku.getJsonArray(line.getString("sku"), new JsonArray()))
            .put("quantity", line.getInteger("quantity"))
            .put("amount", line.getJsonObject("subtotal").getLong("amount")));
      });
      return downstream.request("pricing.redeemCoupons", new JsonObject().put("orderId", saga.orderId().toString())
          .put("customerId", saga.customer()).put("currency", quote.getString("currency")).put("codes", codes)
          .put("lines", lines));
    });
  }

  private static JsonArray units(JsonObject ctx) {
    JsonArray lines = new JsonArray();
    ctx.getJsonObject("view").getJsonArray("lines").forEach(l -> lines.add(new JsonObject()
        .put("sku", ((JsonObject) l).getString("sku")).put("quantity", ((JsonObject) l).getInteger("quantity"))));
    return lines;
  }

  private static JsonObject quote(JsonObject ctx) {
    return ctx.getJsonObject("quote");
  }

  private static JsonObject card(Secrets secrets) {
    if (secrets == null || secrets.card() == null) {
      throw new IllegalStateException("a payment is only authorised in the request that carries the card");
    }
    JsonObject card = new JsonObject().put("number", secrets.card().number());
    if (secrets.card().expiry() != null) {
      card.put("expiry", secrets.card().expiry());
    }
    if (secrets.card().holder() != null) {
      card.put("holder", secrets.card().holder());
    }
    return card;
  }
}
