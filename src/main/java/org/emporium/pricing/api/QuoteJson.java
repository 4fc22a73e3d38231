package org.emporium.pricing.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.money.FxTableJson;
import org.emporium.platform.money.Money;
import org.emporium.pricing.application.Quoting;
import org.emporium.pricing.domain.AppliedCoupon;
import org.emporium.pricing.domain.Quote;
import org.emporium.pricing.domain.QuoteRequest;
import org.emporium.pricing.domain.QuotedLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Between quote JSON (REST, gRPC via the edge, the {@code pricing.quote} address) and the quote's types. */
final class QuoteJson {

  private QuoteJson() {
  }

  /** The request as sent; a value of the wrong type is read as missing, so validation names it. */
  static QuoteRequest request(JsonObject body, String customerId) {
    List<QuoteRequest.Line> lines = null;
    if (body.getValue("lines") instanceof JsonArray array) {
      lines = new ArrayList<>();
      for (Object value : array) {
        lines.add(value instanceof JsonObject line
            ? new QuoteRequest.Line(text(line, "sku"), whole(line.getValue("quantity"))) : null);
      }
    }
    QuoteRequest.ShipTo shipTo = body.getValue("shipTo") instanceof JsonObject to
        ? new QuoteRequest.ShipTo(text(to, "country"), text(to, "region")) : null;
    List<String> codes = new ArrayList<>();
    if (body.getValue("couponCodes") instanceof JsonArray array) {
      array.forEach(code -> codes.add(code instanceof String s ? s : null));
    }
    return new QuoteRequest(lines, text(body, "currency"), shipTo, codes, customerId);
  }

  static JsonObject of(Quoting.Priced priced) {
    Quote quote = priced.quote();
    JsonArray lines = new JsonArray();
    quote.lines().forEach(line -> lines.add(line(line)));
    JsonArray coupons = new JsonArray();
    quote.coupons().forEach(coupon -> coupons.add(coupon(coupon)));
    JsonArray rates = new JsonArray();
    priced.fxRates().forEach(rate -> rates.add(FxTableJson.of(rate)));
    return new JsonObject().put("quoteId", priced.quoteId()).put("currency", quote.currency().getCurrencyCode())
        .put("lines", lines).put("subtotal", money(quote.subtotal())).put("discountTotal", money(quote.discountTotal()))
        .put("shipping", money(quote.shipping())).put("taxTotal", money(quote.taxTotal()))
        .put("total", money(quote.total())).put("taxInclusive", quote.taxInclusive())
        .put("freeShipping", quote.freeShipping()).put("coupons", coupons).put("fxRates", rates)
        .put("createdAt", priced.createdAt().toString()).put("expiresAt", priced.expiresAt().toString());
  }

  static JsonObject money(Money money) {
    return new JsonObject().put("amount", money.amountMinor()).put("currency", money.currency().getCurrencyCode());
  }

  private static JsonObject line(QuotedLine line) {
    return new JsonObject().put("sku", line.sku()).put("quantity", line.quantity())
        .put("unitPrice", money(line.unitPrice())).put("priceSource", line.priceSource())
        .put("subtotal", money(line.subtotal())).put("discount", money(line.discount()))
        .put("taxRate", line.taxRate().toPlainString()).put("tax", money(line.tax())).put("total", money(line.total()));
  }

  private static JsonObject coupon(AppliedCoupon coupon) {
    return new JsonObject().put("code", coupon.code()).put("promotionId", coupon.promotionId())
        .put("kind", coupon.kind().name().toLowerCase(Locale.ROOT)).put("amount", money(coupon.amount()));
  }

  static String text(JsonObject json, String key) {
    return json.getValue(key) instanceof String s ? s : null;
  }

  /** A whole number that fits an int, else null. */
  static Integer whole(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      long number = ((Number) value).longValue();
      return number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE ? (int) number : null;
    }
    return null;
  }
}
