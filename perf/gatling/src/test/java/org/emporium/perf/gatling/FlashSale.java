package org.emporium.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;

import java.time.Duration;
import java.util.Map;

/**
 * Many shoppers racing for a few units of one SKU. Before the load an admin makes exactly
 * {@code perf.flash.units} units available (a receipt or an adjustment); each shopper is a guest
 * who opens the product page, puts one unit in a new cart and checks out at once. A 409 "not
 * enough stock" is the expected answer once the units are gone.
 */
public final class FlashSale {

  private final Run run;
  private final PerfConfig config;
  private final Plans plans;
  private final CheckoutChain checkout;

  public FlashSale(Run run, PerfConfig config, Plans plans, CheckoutChain checkout) {
    this.run = run;
    this.config = config;
    this.plans = plans;
    this.checkout = checkout;
  }

  /** Sets the flash SKU's stock to exactly the units offered; answers the units available before. */
  public int prepare(NodeClient node, String adminToken) {
    String sku = config.flashSku();
    run.flashProduct(run.catalog().bySku(sku));
    int before = available(node, sku);
    int units = config.flashUnits();
    NodeClient.Answer answer = null;
    if (before < units) {
      answer = node.post("/api/v1/inventory/" + sku + "/receipts",
          Map.of("quantity", units - before, "note", "flash sale " + run.id()), adminToken);
    } else if (before > units) {
      answer = node.post("/api/v1/inventory/" + sku + "/adjustments",
          Map.of("delta", units - before, "reason", "flash sale " + run.id()), adminToken);
    }
    if (answer != null) {
      answer.require("setting the stock of " + sku + " to " + units + " (units held by running checkouts cannot be taken)");
    }
    int now = available(node, sku);
    if (now != units) {
      throw new IllegalStateException(sku + " has " + now + " units available instead of " + units);
    }
    return before;
  }

  static int available(NodeClient node, String sku) {
    NodeClient.Answer answer = node.get("/api/v1/inventory/" + sku);
    if (answer.status() == 404) {
      return 0;
    }
    JsonNode body = answer.require("GET /api/v1/inventory/" + sku).body();
    return body.path("available").asInt();
  }

  /** A shopper watching the product page before the sale (warm-up): no purchase. */
  public ChainBuilder watch() {
    return feed(plans.flash()).exec(productPage());
  }

  public ChainBuilder race() {
    return feed(plans.flash())
        .exec(session -> session.set("email", run.newEmail("flash")))
        .exec(exitBlockOnFail().on(
            productPage()
                .exec(pause(Duration.ZERO, Duration.ofMillis(200)))
                .exec(http("flash open cart").post("/api/v1/carts")
                    .body(StringBody("{\"currency\": \"#{currency}\"}")).asJson()
                    .check(jsonPath("$.cartId").saveAs("cartId"), jsonPath("$.cartToken").saveAs("cartToken")))
                .exec(http("flash add to cart").post("/api/v1/carts/#{cartId}/items")
                    .header("X-Cart-Token", "#{cartToken}")
                    .body(StringBody(session -> NodeClient.write(Map.of("sku", config.flashSku(), "quantity", 1))))
                    .asJson())))
        .doIf(session -> !session.isFailed())
        .then(checkout.checkout("flash checkout", Credentials.GUEST, true));
  }

  private ChainBuilder productPage() {
    return exec(http("flash product").get(session -> "/api/v1/products/" + run.flashProduct().id()
        + "?currency=" + session.getString("currency")).check(jsonPath("$.id").exists()))
        .exec(http("flash stock").get("/api/v1/inventory/" + config.flashSku()).check(status().in(200, 404)));
  }
}
