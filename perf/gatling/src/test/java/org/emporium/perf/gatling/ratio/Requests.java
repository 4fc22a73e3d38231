package org.emporium.perf.gatling.ratio;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.UUID;

/**
 * The one request each ratio load sends per user, the REST twin of its baseline's statement or
 * command. Session attributes ({@code cartId}, {@code cartToken}, {@code sku}) are set before it.
 */
final class Requests {

  private static final String ADDRESS = "{\"name\": \"Ada Load\", \"line1\": \"1 Main St\", \"city\": \"Berlin\","
      + " \"postalCode\": \"10115\", \"country\": \"DE\"}";

  private Requests() {
  }

  /** One unit of the hot SKU held (pgbench's twin: a one-row conditional UPDATE). */
  static HttpRequestActionBuilder reserve(Shop shop) {
    return http("reserve hot SKU").post("/api/v1/inventory/reservations")
        .header("Authorization", session -> "Bearer " + shop.adminToken())
        .body(StringBody(session -> "{\"reservationId\": \"" + UUID.randomUUID() + "\", \"reference\": \"ratio-"
            + session.userId() + "\", \"lines\": [{\"sku\": \"" + shop.hotSku() + "\", \"quantity\": 1}]}"))
        .asJson()
        .check(status().is(201));
  }

  /** One more unit on a line the cart already has (redis-benchmark's twin: EVALSHA put-line). */
  static HttpRequestActionBuilder addLine() {
    return http("add line").post(session -> "/api/v1/carts/" + session.getString("cartId") + "/items")
        .header("X-Cart-Token", session -> session.getString("cartToken"))
        .body(StringBody(session -> "{\"sku\": \"" + session.getString("sku") + "\", \"quantity\": 1}"))
        .asJson()
        .check(status().is(200));
  }

  /** A guest checkout of a prepared two-line cart with the approving test card. */
  static HttpRequestActionBuilder checkout() {
    return http("guest checkout").post("/api/v1/checkout")
        .header("X-Cart-Token", session -> session.getString("cartToken"))
        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
        .body(StringBody(session -> "{\"cartId\": \"" + session.getString("cartId") + "\", \"email\": \"ratio-"
            + session.userId() + "@example.com\", \"shippingAddress\": " + ADDRESS
            + ", \"payment\": {\"method\": \"card\", \"cardNumber\": \"4242424242424242\"}}"))
        .asJson()
        .check(status().is(201));
  }
}
