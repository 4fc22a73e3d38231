package org.emporium.pricing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.pricing.v1.ConvertRequest;
import org.emporium.edge.grpc.pricing.v1.ConvertResponse;
import org.emporium.edge.grpc.pricing.v1.LineInput;
import org.emporium.edge.grpc.pricing.v1.Money;
import org.emporium.edge.grpc.pricing.v1.PricingServiceGrpcClient;
import org.emporium.edge.grpc.pricing.v1.QuoteRequest;
import org.emporium.edge.grpc.pricing.v1.QuoteResponse;
import org.emporium.edge.grpc.pricing.v1.ShipTo;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emporium.pricing.PricingNodes.ADMIN;
import static org.emporium.pricing.PricingNodes.call;
import static org.emporium.pricing.PricingNodes.eventually;
import static org.emporium.pricing.PricingNodes.forwarded;
import static org.emporium.pricing.PricingNodes.problem;

/** Quotes and conversions on real nodes: REST, gRPC and the event bus; prices, coupons, tax, refusals. */
class PricingQuoteTest {

  static PricingNodes nodes;
  static String shirt;
  static String mug;
  static String draft;
  static GrpcClient grpc;

  @BeforeAll
  static void start() {
    nodes = PricingNodes.get();
    shirt = nodes.product(nodes.leafCategory, true, 1999, 1899L);
    mug = nodes.product(nodes.rootCategory, true, 1250, null);
    draft = nodes.product(nodes.rootCategory, false, 500, null);
    grpc = GrpcClient.client(nodes.a(), new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
  }

  @AfterAll
  static void stop() throws Exception {
    grpc.close().await(5, TimeUnit.SECONDS);
  }

  private static JsonObject line(String sku, int quantity) {
    return new JsonObject().put("sku", sku).put("quantity", quantity);
  }

  private static JsonObject money(long amount, String currency) {
    return new JsonObject().put("amount", amount).put("currency", currency);
  }

  private static JsonObject quote(JsonObject request) {
    return nodes.expect(true, 200, HttpMethod.POST, "/api/v1/quotes", null, null, request.toBuffer());
  }

  @Test
  void aCartInAConvertedCurrencyIsPricedAtTheCurrentRateWhichTheQuoteRecords() {
    JsonObject quote = quote(new JsonObject().put("currency", "JPY")
        .put("lines", new JsonArray().add(line(shirt, 2)).add(line(mug, 1))));

    // 19.99 USD x 151.37 = 3025.89 -> 3026 yen; 12.50 x 151.37 = 1892.13 -> 1892
    JsonObject first = quote.getJsonArray("lines").getJsonObject(0);
    assertThat(first.getJsonObject("unitPrice")).isEqualTo(money(3026, "JPY"));
    assertThat(first.getString("priceSource")).isEqualTo("converted");
    assertThat(first.getJsonObject("subtotal")).isEqualTo(money(6052, "JPY"));
    assertThat(quote.getJsonArray("lines").getJsonObject(1).getJsonObject("unitPrice")).isEqualTo(money(1892, "JPY"));
    assertThat(quote.getJsonObject("subtotal")).isEqualTo(money(7944, "JPY"));
    assertThat(quote.getJsonObject("taxTotal")).isEqualTo(money(0, "JPY"));
    assertThat(quote.getJsonObject("shipping")).isEqualTo(money(0, "JPY"));
    assertThat(quote.getJsonObject("total")).isEqualTo(money(7944, "JPY"));
    assertThat(quote.getJsonArray("fxRates")).singleElement().satisfies(rate -> {
      JsonObject used = (JsonObject) rate;
      assertThat(used.getString("base")).isEqualTo("USD");
      assertThat(used.getString("quote")).isEqualTo("JPY");
      assertThat(used.getString("rate")).isEqualTo("151.37");
      assertThat(used.getString("source")).isEqualTo("demo");
    });
    assertThat(quote.getString("quoteId")).hasSize(36);
    assertThat(Instant.parse(quote.getString("expiresAt")))
        .isEqualTo(Instant.parse(quote.getString("createdAt")).plus(900, ChronoUnit.SECONDS));
  }

  @Test
  void anExplicitPriceWinsTaxIsTakenOutWhereItIsIncludedAndShippingIsAdded() {
    nodes.expect(true, 200, HttpMethod.PUT, "/api/v1/admin/tax-rates/AT", nodes.adminToken(), null, new JsonObject()
        .put("inclusive", true).put("rates", new JsonArray()
            .add(new JsonObject().put("rate", "0.2"))
            .add(new JsonObject().put("categoryId", nodes.leafCategory).put("rate", "0.1"))).toBuffer());
    JsonObject request = new JsonObject().put("currency", "EUR").put("shipTo", new JsonObject().put("country", "AT"))
        .put("lines", new JsonArray().add(line(shirt, 1)).add(line(mug, 2)));

    // either node may answer: each learns of the change through the cluster-wide notice
    eventually(() -> {
      for (int i = 0; i < 4; i++) {
        assertThat(quote(request).getBoolean("taxInclusive")).isTrue();
      }
    });
    JsonObject quote = quote(request);

    JsonObject first = quote.getJsonArray("lines").getJsonObject(0);
    JsonObject second = quote.getJsonArray("lines").getJsonObject(1);
    assertThat(first.getJsonObject("unitPrice")).isEqualTo(money(1899, "EUR"));
    assertThat(first.getString("priceSource")).isEqualTo("explicit");
    // a book (the leaf category) at 10%: 18.99 holds 1.726 -> 1.73
    assertThat(first.getString("taxRate")).isEqualTo("0.1");
    assertThat(first.getJsonObject("tax")).isEqualTo(money(173, "EUR"));
    // 12.50 USD x 0.9215 = 11.52 EUR, twice 23.04, which holds 3.84 of 20% tax
    assertThat(second.getJsonObject("unitPrice")).isEqualTo(money(1152, "EUR"));
    assertThat(second.getJsonObject("tax")).isEqualTo(money(384, "EUR"));
    assertThat(second.getJsonObject("total")).isEqualTo(money(2304, "EUR"));
    assertThat(quote.getJsonObject("shipping")).isEqualTo(money(490, "EUR"));
    assertThat(quote.getJsonObject("taxTotal")).isEqualTo(money(557, "EUR"));
    assertThat(quote.getJsonObject("total")).isEqualTo(money(1899 + 2304 + 490, "EUR"));
    assertThat(quote.getJsonArray("fxRates")).hasSize(1);
  }

  @Test
  void conversionsInYenDinarAndKronaRoundOnceAndPricesGetTheirCharmEnding() {
    assertThat(convert(1999, "USD", "JPY")).isEqualTo(money(3026, "JPY"));
    // 10.00 USD x 0.30745 = 3.0745 KWD: a tie at three decimals, half-even to 3.074
    assertThat(convert(1000, "USD", "KWD")).isEqualTo(money(3074, "KWD"));
    // 19.99 x 137.4 = 2746.6 ISK: once to the configured 10 kr
    assertThat(convert(1999, "USD", "ISK")).isEqualTo(money(2750, "ISK"));
    assertThat(convert(3026, "JPY", "USD")).isEqualTo(money(1999, "USD"));
    // a conversion has no charm ending; a price has: 12.50 x 0.79 = 9.875 -> 9.88 -> 9.99
    assertThat(convert(1250, "USD", "GBP")).isEqualTo(money(988, "GBP"));
    JsonObject pounds = quote(new JsonObject().put("currency", "GBP").put("lines", new JsonArray().add(line(mug, 1))));
    assertThat(pounds.getJsonObject("total")).isEqualTo(money(999, "GBP"));
    JsonObject krona = quote(new JsonObject().put("currency", "ISK").put("lines", new JsonArray().add(line(shirt, 3))));
    assertThat(krona.getJsonObject("total")).isEqualTo(money(8250, "ISK"));
  }

  private static JsonObject convert(long amount, String from, String to) {
    JsonObject reply = call(nodes.a(), "pricing.convert", new JsonObject().put("amount", money(amount, from))
        .put("currency", to));
    return reply.getJsonObject("amount");
  }

  @Test
  void linesThatCannotBeSoldAreNamedAndBadRequestsAreRefusedFieldByField() {
    JsonObject unsold = nodes.expect(true, 422, HttpMethod.POST, "/api/v1/quotes", null, null, new JsonObject()
        .put("currency", "USD").put("lines", new JsonArray().add(line(shirt, 1)).add(line("NO-SUCH-SKU", 1))
            .add(line(draft, 1))).toBuffer());
    assertThat(unsold.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .containsExactly("/lines/1/sku", "/lines/2/sku");

    Problem bus = problem(nodes.a(), "pricing.quote", new JsonObject().put("currency", "XYZ")
        .put("lines", new JsonArray().add(line(shirt, 0)).add(line(shirt, 1)).add("not a line"))
        .put("shipTo", new JsonObject().put("country", "Austria")).put("customerId", "me"), false);
    assertThat(bus.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(bus.errors()).extracting(Problem.FieldError::field).containsExactly("/lines/0/quantity",
        "/lines/1/sku", "/lines/2", "/currency", "/shipTo/country", "/customerId");

    JsonObject viaEdge = nodes.expect(true, 400, HttpMethod.POST, "/api/v1/quotes", null, null, new JsonObject()
        .put("currency", "USD").put("lines", new JsonArray()).toBuffer());
    assertThat(viaEdge.getJsonArray("errors")).isNotEmpty();
  }

  @Test
  void aCouponThatDoesNotApplyRefusesTheQuoteNamingTheCode() {
    String customer = nodes.customerToken();
    JsonObject refused = nodes.expect(true, 422, HttpMethod.POST, "/api/v1/quotes", customer, null, new JsonObject()
        .put("currency", "USD").put("lines", new JsonArray().add(line(mug, 1)))
        .put("couponCodes", new JsonArray().add("WELCOME10")).toBuffer());
    assertThat(refused.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/couponCodes/0");
    JsonObject signedIn = nodes.expect(true, 200, HttpMethod.POST, "/api/v1/quotes", customer, null, new JsonObject()
        .put("currency", "USD").put("lines", new JsonArray().add(line(mug, 1))).toBuffer());
    assertThat(signedIn.getJsonObject("total")).isEqualTo(money(1250, "USD"));
    assertThat(signedIn.getJsonArray("coupons")).isEmpty();
  }

  private static String promotion(JsonObject definition) {
    String code = "Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    JsonObject reply = call(nodes.a(), "pricing.createPromotion", forwarded("createPromotion", ADMIN,
        definition.put("codes", new JsonArray().add(code))));
    assertThat(reply.getInteger("status")).as("%s", reply).isEqualTo(201);
    return code;
  }

  @Test
  void couponsAreSplitAcrossTheirEligibleLinesAndThePartsAddUp() {
    String tenOffBooks = promotion(new JsonObject().put("name", "Books").put("kind", "percent_off").put("percent", "10")
        .put("conditions", new JsonObject().put("categoryIds", new JsonArray().add(nodes.leafCategory))));
    String threeOff = promotion(new JsonObject().put("name", "Three off").put("kind", "fixed_amount")
        .put("amountOff", new JsonObject().put("EUR", 300)));
    JsonObject quote = quote(new JsonObject().put("currency", "EUR")
        .put("lines", new JsonArray().add(line(shirt, 1)).add(line(mug, 2)))
        .put("couponCodes", new JsonArray().add(threeOff).add(tenOffBooks)));

    // 10% of the book (18.99) is 1.90; then 3.00 over what is left (17.09 and 23.04): 1.28 and 1.72
    assertThat(quote.getJsonArray("lines").getJsonObject(0).getJsonObject("discount")).isEqualTo(money(318, "EUR"));
    assertThat(quote.getJsonArray("lines").getJsonObject(1).getJsonObject("discount")).isEqualTo(money(172, "EUR"));
    assertThat(quote.getJsonArray("coupons").stream().map(c -> ((JsonObject) c).getJsonObject("amount")))
        .containsExactlyInAnyOrder(money(190, "EUR"), money(300, "EUR"));
    assertThat(quote.getJsonObject("discountTotal")).isEqualTo(money(490, "EUR"));
    assertThat(quote.getJsonObject("total")).isEqualTo(money(1899 + 2304 - 490 + 490, "EUR"));

    String dollarsOnly = promotion(new JsonObject().put("name", "Dollars").put("kind", "fixed_amount")
        .put("amountOff", new JsonObject().put("USD", 500)));
    JsonObject refused = nodes.expect(true, 422, HttpMethod.POST, "/api/v1/quotes", null, null, new JsonObject()
        .put("currency", "EUR").put("lines", new JsonArray().add(line(mug, 1)))
        .put("couponCodes", new JsonArray().add(tenOffBooks).add(dollarsOnly)).toBuffer());
    assertThat(refused.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .containsExactly("/couponCodes/0", "/couponCodes/1");
  }

  @Test
  void aRateOlderThanTheMaximumAgeIsRefusedNeverUsed() {
    String fiveDaysAgo = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    JsonObject put = forwarded("putFxRates", ADMIN, new JsonObject().put("rates", new JsonArray()
        .add(new JsonObject().put("base", "USD").put("quote", "SEK").put("rate", "10.6").put("asOf", fiveDaysAgo))));
    assertThat(call(nodes.a(), "pricing.putRates", put).getInteger("status")).isEqualTo(200);

    // the rate is stored, but no node's cache will use it
    eventually(() -> {
      for (Vertx node : List.of(nodes.a(), nodes.b())) {
        Problem stale = problem(node, "pricing.convert", new JsonObject()
            .put("amount", money(1000, "USD")).put("currency", "SEK"), true);
        assertThat(stale.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
        assertThat(stale.detail()).contains("USD/SEK").contains("older than the maximum age");
      }
      JsonObject refused = nodes.expect(true, 422, HttpMethod.POST, "/api/v1/quotes", null, null, new JsonObject()
          .put("currency", "SEK").put("lines", new JsonArray().add(line(mug, 1))).toBuffer());
      assertThat(refused.getString("detail")).contains("older than the maximum age");
      assertThat(refused.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/currency");
    });
    assertThat(nodes.count("SELECT count(*) FROM pricing.fx_rate WHERE base = 'USD' AND quote = 'SEK'")).isEqualTo(1);
    JsonObject lookup = call(nodes.a(), "catalog.lookupSkus", new JsonObject().put("skus", new JsonArray().add(mug))
        .put("currency", "SEK"));
    assertThat(lookup.getJsonArray("items").getJsonObject(0).getValue("price")).isNull();
  }

  @Test
  void grpcQuotesAndConvertsLikeRest() throws Exception {
    PricingServiceGrpcClient client = PricingServiceGrpcClient.create(grpc,
        SocketAddress.inetSocketAddress(nodes.first.httpPort(), "127.0.0.1"));
    QuoteResponse quote = client.quote(QuoteRequest.newBuilder().setCurrency("JPY")
        .addLines(LineInput.newBuilder().setSku(mug).setQuantity(3))
        .setShipTo(ShipTo.newBuilder().setCountry("JP")).build()).await(30, TimeUnit.SECONDS);
    assertThat(quote.getTotal().getAmount()).isEqualTo(3 * 1892);
    assertThat(quote.getLines(0).getPriceSource()).isEqualTo("converted");
    assertThat(quote.getFxRates(0).getRate()).isEqualTo("151.37");

    ConvertResponse converted = client.convert(ConvertRequest.newBuilder().setCurrency("KWD")
        .setAmount(Money.newBuilder().setAmount(1000).setCurrency("USD")).build()).await(30, TimeUnit.SECONDS);
    assertThat(converted.getAmount().getAmount()).isEqualTo(3074);
    assertThat(converted.getRate().getQuote()).isEqualTo("KWD");

    assertThatThrownBy(() -> client.quote(QuoteRequest.newBuilder().setCurrency("JPY")
        .addLines(LineInput.newBuilder().setSku("NO-SUCH-SKU").setQuantity(1)).build()).await(30, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(InvalidStatusException.class,
            e -> assertThat(e.actualStatus()).isEqualTo(GrpcStatus.FAILED_PRECONDITION));
  }
}
