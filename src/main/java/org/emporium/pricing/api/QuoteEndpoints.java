package org.emporium.pricing.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.money.FxTableJson;
import org.emporium.platform.money.Money;
import org.emporium.pricing.application.Converting;
import org.emporium.pricing.application.Quoting;
import org.emporium.pricing.application.Rejected;
import org.emporium.pricing.domain.Currencies;
import org.emporium.pricing.domain.Violation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Quotes and conversions: {@code pricing.quote} and {@code pricing.convert} for contexts, {@code pricing.createQuote} for the edge. */
final class QuoteEndpoints {

  private final Quoting quoting;
  private final Converting converting;

  QuoteEndpoints(Quoting quoting, Converting converting) {
    this.quoting = quoting;
    this.converting = converting;
  }

  /** {@code pricing.quote}: the request itself, {@code customerId} in it when known. */
  Future<JsonObject> quote(JsonObject body) {
    Object customerId = body.getValue("customerId");
    return quoting.quote(QuoteJson.request(body, customerId == null ? null : String.valueOf(customerId)))
        .map(QuoteJson::of);
  }

  /** REST and gRPC: anyone; a signed-in customer is taken from the token. */
  Future<JsonObject> createQuote(ForwardedRequest request) {
    String customerId = request.principal().map(Principal::customerId).map(String::valueOf).orElse(null);
    return quoting.quote(QuoteJson.request(request.body(), customerId)).map(QuoteJson::of).map(ForwardedReply::ok);
  }

  /** {@code pricing.convert}: {@code {amount: {amount, currency}, currency}} -> {@code {amount, rate | null}}. */
  Future<JsonObject> convert(JsonObject body) {
    List<Violation> violations = new ArrayList<>();
    JsonObject amount = body.getValue("amount") instanceof JsonObject json ? json : new JsonObject();
    Object minor = amount.getValue("amount");
    if (!(minor instanceof Integer || minor instanceof Long)) {
      violations.add(new Violation("/amount/amount", "must be a whole number of minor units"));
    }
    String from = QuoteJson.text(amount, "currency");
    if (!Currencies.isUsable(from)) {
      violations.add(new Violation("/amount/currency", "must be an ISO 4217 currency code with a minor unit"));
    }
    String to = QuoteJson.text(body, "currency");
    if (!Currencies.isUsable(to)) {
      violations.add(new Violation("/currency", "must be an ISO 4217 currency code with a minor unit"));
    }
    if (!violations.isEmpty()) {
      return Future.failedFuture(Rejected.invalid("The conversion request is not valid.", violations));
    }
    Converting.Converted converted = converting.convert(Money.ofMinor(((Number) minor).longValue(), from),
        Currency.getInstance(to));
    return Future.succeededFuture(new JsonObject().put("amount", QuoteJson.money(converted.amount()))
        .put("rate", converted.rate() == null ? null : FxTableJson.of(converted.rate())));
  }
}
