package org.emporium.edge.grpc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.edge.grpc.pricing.v1.AppliedCoupon;
import org.emporium.edge.grpc.pricing.v1.ConvertRequest;
import org.emporium.edge.grpc.pricing.v1.ConvertResponse;
import org.emporium.edge.grpc.pricing.v1.FxRate;
import org.emporium.edge.grpc.pricing.v1.Money;
import org.emporium.edge.grpc.pricing.v1.QuoteResponse;
import org.emporium.edge.grpc.pricing.v1.QuoteLine;
import org.emporium.edge.grpc.pricing.v1.QuoteRequest;

/** Between {@code emporium.pricing.v1} messages and the pricing context's JSON (the REST quote). */
final class PricingMessages {

  private PricingMessages() {
  }

  static JsonObject quoteRequest(QuoteRequest request) {
    JsonArray lines = new JsonArray();
    request.getLinesList().forEach(line -> lines.add(new JsonObject().put("sku", line.getSku())
        .put("quantity", line.getQuantity())));
    JsonObject body = new JsonObject().put("lines", lines).put("currency", request.getCurrency())
        .put("couponCodes", new JsonArray(request.getCouponCodesList()));
    if (request.hasShipTo()) {
      JsonObject shipTo = new JsonObject().put("country", request.getShipTo().getCountry());
      if (request.getShipTo().hasRegion()) {
        shipTo.put("region", request.getShipTo().getRegion());
      }
      body.put("shipTo", shipTo);
    }
    return body;
  }

  static QuoteResponse quote(JsonObject json) {
    QuoteResponse.Builder quote = QuoteResponse.newBuilder().setQuoteId(json.getString("quoteId")).setCurrency(json.getString("currency"))
        .setSubtotal(money(json.getJsonObject("subtotal"))).setDiscountTotal(money(json.getJsonObject("discountTotal")))
        .setShipping(money(json.getJsonObject("shipping"))).setTaxTotal(money(json.getJsonObject("taxTotal")))
        .setTotal(money(json.getJsonObject("total"))).setTaxInclusive(json.getBoolean("taxInclusive"))
        .setFreeShipping(json.getBoolean("freeShipping")).setCreatedAt(json.getString("createdAt"))
        .setExpiresAt(json.getString("expiresAt"));
    json.getJsonArray("lines").forEach(value -> {
      JsonObject line = (JsonObject) value;
      quote.addLines(QuoteLine.newBuilder().setSku(line.getString("sku")).setQuantity(line.getInteger("quantity"))
          .setUnitPrice(money(line.getJsonObject("unitPrice"))).setPriceSource(line.getString("priceSource"))
          .setSubtotal(money(line.getJsonObject("subtotal"))).setDiscount(money(line.getJsonObject("discount")))
          .setTaxRate(line.getString("taxRate")).setTax(money(line.getJsonObject("tax")))
          .setTotal(money(line.getJsonObject("total"))));
    });
    json.getJsonArray("coupons").forEach(value -> {
      JsonObject coupon = (JsonObject) value;
      quote.addCoupons(AppliedCoupon.newBuilder().setCode(coupon.getString("code"))
          .setPromotionId(String.valueOf(coupon.getValue("promotionId"))).setKind(coupon.getString("kind"))
          .setAmount(money(coupon.getJsonObject("amount"))));
    });
    json.getJsonArray("fxRates").forEach(rate -> quote.addFxRates(rate((JsonObject) rate)));
    return quote.build();
  }

  static JsonObject convertRequest(ConvertRequest request) {
    return new JsonObject().put("amount", new JsonObject().put("amount", request.getAmount().getAmount())
        .put("currency", request.getAmount().getCurrency())).put("currency", request.getCurrency());
  }

  static ConvertResponse converted(JsonObject json) {
    ConvertResponse.Builder response = ConvertResponse.newBuilder().setAmount(money(json.getJsonObject("amount")));
    if (json.getJsonObject("rate") != null) {
      response.setRate(rate(json.getJsonObject("rate")));
    }
    return response.build();
  }

  private static FxRate rate(JsonObject json) {
    return FxRate.newBuilder().setBase(json.getString("base")).setQuote(json.getString("quote"))
        .setRate(json.getString("rate")).setSource(json.getString("source")).setAsOf(json.getString("asOf")).build();
  }

  private static Money money(JsonObject json) {
    return Money.newBuilder().setAmount(json.getLong("amount")).setCurrency(json.getString("currency")).build();
  }
}
