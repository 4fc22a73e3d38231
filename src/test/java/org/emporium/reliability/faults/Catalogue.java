package org.emporium.reliability.faults;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the shoppers buy, set up over the admin REST API: SKUs with plenty of stock and a few scarce
 * ones that sell out under the load (so out-of-stock refusals and the no-oversell rule are tried).
 */
final class Catalogue {

  static final String ADMIN_EMAIL = "admin@emporium.local";
  static final String ADMIN_PASSWORD = "reliability-admin-secret";

  final List<String> plenty = new ArrayList<>();
  final List<String> scarce = new ArrayList<>();

  private Catalogue() {
  }

  static Catalogue seed(Http http, ClusterNode node, int plentyCount, int plentyStock, int scarceCount,
      int scarceStock) {
    String token = http.expect(200, "POST", node.uri("/api/v1/auth/login"), Map.of(),
        new JsonObject().put("email", ADMIN_EMAIL).put("password", ADMIN_PASSWORD)).getString("access_token");
    Map<String, String> admin = Map.of("Authorization", "Bearer " + token);
    String shopId = http.expect(201, "POST", node.uri("/api/v1/admin/shops"), admin,
        new JsonObject().put("slug", "faults").put("name", "Faults")).getString("id");
    String categoryId = http.expect(201, "POST", node.uri("/api/v1/admin/categories"), admin,
        new JsonObject().put("slug", "faults").put("name", "Faults")).getString("id");
    Catalogue catalogue = new Catalogue();
    for (int i = 0; i < plentyCount + scarceCount; i++) {
      boolean isScarce = i >= plentyCount;
      String sku = (isScarce ? "FAULT-SCARCE-" : "FAULT-") + i;
      http.expect(201, "POST", node.uri("/api/v1/products"), admin, new JsonObject()
          .put("title", "Fault product " + i).put("categoryId", categoryId).put("shopId", shopId)
          .put("status", "published").put("variants", new JsonArray().add(new JsonObject().put("sku", sku)
              .put("prices", new JsonArray().add(new JsonObject().put("currency", "USD")
                  .put("amount", 500 + 100L * i))))));
      http.expect(201, "POST", node.uri("/api/v1/inventory/" + sku + "/receipts"),
          Map.of("Authorization", "Bearer " + token, "Idempotency-Key", "seed-" + sku),
          new JsonObject().put("quantity", isScarce ? scarceStock : plentyStock));
      (isScarce ? catalogue.scarce : catalogue.plenty).add(sku);
    }
    return catalogue;
  }

  List<String> all() {
    List<String> all = new ArrayList<>(plenty);
    all.addAll(scarce);
    return all;
  }
}
