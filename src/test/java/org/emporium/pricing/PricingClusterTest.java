package org.emporium.pricing;

import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.pricing.PricingNodes.await;
import static org.emporium.pricing.PricingNodes.eventually;
import static org.emporium.pricing.PricingNodes.problem;
import static org.emporium.pricing.PricingNodes.send;

/**
 * A change made through one node is used by the other: its pricing and catalog verticles (asked with
 * local-only delivery, so node B itself answers) learn new rates and tax tables through events alone.
 */
class PricingClusterTest {

  static PricingNodes nodes;

  @BeforeAll
  static void start() {
    nodes = PricingNodes.get();
  }

  private static JsonObject nokConversion() {
    return new JsonObject().put("amount", new JsonObject().put("amount", 1999).put("currency", "USD"))
        .put("currency", "NOK");
  }

  @Test
  void ratesImportedOnOneNodeAreUsedOnTheOther() {
    String sku = nodes.product(nodes.rootCategory, true, 1999, null);
    assertThat(problem(nodes.b(), "pricing.convert", nokConversion(), true).code()).isEqualTo(ErrorCode.UNPROCESSABLE);

    nodes.expect(true, 200, HttpMethod.POST, "/api/v1/admin/fx-rates/import", nodes.adminToken(), "text/csv",
        Buffer.buffer("base,quote,rate\nUSD,NOK,10.9\n"));

    // 19.99 x 10.9 = 217.891 -> 217.89 NOK
    eventually(() -> {
      JsonObject converted = await(send(nodes.b(), "pricing.convert", nokConversion(), true));
      assertThat(converted.getJsonObject("amount").getLong("amount")).isEqualTo(21789L);
      JsonObject lookup = await(send(nodes.b(), "catalog.lookupSkus", new JsonObject()
          .put("skus", new JsonArray().add(sku)).put("currency", "NOK"), true));
      // each verticle's cache reloads on its own: until the catalog's has, its price is still null
      JsonObject price = lookup.getJsonArray("items").getJsonObject(0).getJsonObject("price");
      assertThat(price).as("the catalog's converted price").isNotNull();
      assertThat(price.getLong("amount")).isEqualTo(21789L);
    });
  }

  @Test
  void aTaxTableChangedOnOneNodeIsUsedByTheOthersQuotes() {
    String sku = nodes.product(nodes.rootCategory, true, 1000, null);
    JsonObject quote = new JsonObject().put("currency", "USD").put("shipTo", new JsonObject().put("country", "CH"))
        .put("lines", new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", 1)));
    assertThat(await(send(nodes.b(), "pricing.quote", quote, true)).getJsonObject("taxTotal").getLong("amount"))
        .isZero();

    nodes.expect(true, 200, HttpMethod.PUT, "/api/v1/admin/tax-rates/CH", nodes.adminToken(), null, new JsonObject()
        .put("inclusive", false).put("rates", new JsonArray().add(new JsonObject().put("rate", "0.081"))).toBuffer());

    // 10.00 x 0.081 = 0.81 added on top
    eventually(() -> {
      for (boolean onB : new boolean[] {true, false}) {
        JsonObject quoted = await(send(onB ? nodes.b() : nodes.a(), "pricing.quote", quote, true));
        assertThat(quoted.getJsonObject("taxTotal").getLong("amount")).isEqualTo(81L);
        assertThat(quoted.getJsonObject("total").getLong("amount")).isEqualTo(1081L);
      }
    });
  }

  @Test
  void quotesKeepThePromotionsTheyReadUntilAnAdministratorChangesOneOnAnyNode() {
    String sku = nodes.product(nodes.rootCategory, true, 1000, null);
    String code = "CACHED" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    JsonObject definition = new JsonObject().put("name", "Cached").put("kind", "percent_off").put("percent", "10")
        .put("codes", new JsonArray().add(code));
    String id = nodes.expect(true, 201, HttpMethod.POST, "/api/v1/admin/promotions", nodes.adminToken(), null,
        definition.toBuffer()).getString("id");
    JsonObject quote = new JsonObject().put("currency", "USD").put("couponCodes", new JsonArray().add(code))
        .put("lines", new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", 1)));
    for (boolean onB : new boolean[] {true, false}) {
      assertThat(discounts(onB, quote)).containsOnly(100L);
    }

    // changed behind the context's back: every instance on both nodes goes on with what it read
    assertThat(nodes.rows("UPDATE pricing.promotion SET percent = 50 WHERE id = $1::uuid RETURNING id", id)).hasSize(1);
    for (boolean onB : new boolean[] {true, false}) {
      assertThat(discounts(onB, quote)).containsOnly(100L);
    }

    // an administrator's change on node A reaches the quotes of both nodes at once, not ten minutes later
    nodes.expect(true, 200, HttpMethod.PUT, "/api/v1/admin/promotions/" + id, nodes.adminToken(), null,
        definition.copy().put("percent", "20").toBuffer());
    eventually(() -> {
      for (boolean onB : new boolean[] {true, false}) {
        assertThat(discounts(onB, quote)).containsOnly(200L);
      }
    });
  }

  /**
   * The discounts of enough quotes on one node that each of its pricing instances (one per event loop,
   * each with its own promotions cache) answers at least once: the bus hands requests round.
   */
  private static List<Long> discounts(boolean onB, JsonObject quote) {
    List<Long> discounts = new ArrayList<>();
    for (int i = 0; i < 2 * VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE; i++) {
      discounts.add(await(send(onB ? nodes.b() : nodes.a(), "pricing.quote", quote, true))
          .getJsonObject("discountTotal").getLong("amount"));
    }
    return discounts;
  }
}
