package org.emporium.inventory;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.inventory.InventoryNodes.newSku;
import static org.emporium.inventory.InventoryNodes.reservation;

/** The inventory REST paths through the edge: who may do what, receipts, adjustments, reservations. */
class InventoryApiTest {

  static InventoryNodes nodes;
  static EdgeClients edge;

  @BeforeAll
  static void start() {
    nodes = InventoryNodes.get();
    edge = new EdgeClients(nodes.first.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    edge.close();
  }

  private static String receipts(String sku) {
    return "/api/v1/inventory/" + sku + "/receipts";
  }

  @Test
  void anyoneReadsAvailabilityAndOnlyAnAdminReceivesStock() {
    String sku = newSku();
    edge.expect(404, HttpMethod.GET, "/api/v1/inventory/" + sku, null, null);
    JsonObject receipt = new JsonObject().put("quantity", 12).put("note", "first delivery");
    edge.expect(401, HttpMethod.POST, receipts(sku), null, receipt);
    edge.expect(403, HttpMethod.POST, receipts(sku), edge.customerToken, receipt);
    JsonObject moved = edge.expect(201, HttpMethod.POST, receipts(sku), edge.adminToken, receipt);
    assertThat(moved.getString("kind")).isEqualTo("received");
    assertThat(moved.getInteger("quantity")).isEqualTo(12);
    assertThat(moved.getInteger("onHand")).isEqualTo(12);
    assertThat(moved.getLong("available")).isEqualTo(12);
    JsonObject stock = edge.expect(200, HttpMethod.GET, "/api/v1/inventory/" + sku, null, null);
    assertThat(stock.getString("sku")).isEqualTo(sku);
    assertThat(stock.getLong("available")).isEqualTo(12);
  }

  @Test
  void aCustomerReturnPutsUnitsBackOnHandOnceAndIsLedgeredAsReturned() {
    String sku = newSku();
    edge.expect(201, HttpMethod.POST, receipts(sku), edge.adminToken, new JsonObject().put("quantity", 4));
    String returns = "/api/v1/inventory/" + sku + "/returns";
    Map<String, String> key = Map.of("Idempotency-Key", "return-" + UUID.randomUUID());
    JsonObject back = new JsonObject().put("quantity", 2).put("note", "unworn, tags on");
    edge.expect(403, HttpMethod.POST, returns, edge.customerToken, back, key);
    JsonObject first = edge.expect(201, HttpMethod.POST, returns, edge.adminToken, back, key);
    JsonObject again = edge.expect(201, HttpMethod.POST, returns, edge.adminToken, back, key);
    assertThat(first.getString("kind")).isEqualTo("returned");
    assertThat(again.getString("movementId")).isEqualTo(first.getString("movementId"));
    assertThat(nodes.number("SELECT on_hand FROM inventory.stock WHERE sku = $1", sku)).isEqualTo(6);
    assertThat(nodes.number("SELECT count(*) FROM inventory.ledger WHERE sku = $1 AND kind = 'returned'"
        + " AND on_hand_before = 4 AND on_hand_after = 6", sku)).isEqualTo(1);
    edge.expect(400, HttpMethod.POST, returns, edge.adminToken, new JsonObject().put("quantity", -1));
  }

  @Test
  void aRepeatedIdempotencyKeyReceivesOnce() {
    String sku = newSku();
    Map<String, String> key = Map.of("Idempotency-Key", "delivery-" + UUID.randomUUID());
    JsonObject receipt = new JsonObject().put("quantity", 7);
    JsonObject first = edge.expect(201, HttpMethod.POST, receipts(sku), edge.adminToken, receipt, key);
    JsonObject second = edge.expect(201, HttpMethod.POST, receipts(sku), edge.adminToken, receipt, key);
    assertThat(second.getString("movementId")).isEqualTo(first.getString("movementId"));
    assertThat(nodes.number("SELECT on_hand FROM inventory.stock WHERE sku = $1", sku)).isEqualTo(7);
  }

  @Test
  void aSkuTheCatalogDoesNotKnowAndAnUnknownWarehouseAreNotFound() {
    String ghost = "GHOST-" + UUID.randomUUID().toString().substring(0, 8);
    edge.expect(404, HttpMethod.POST, receipts(ghost), edge.adminToken, new JsonObject().put("quantity", 1));
    edge.expect(404, HttpMethod.POST, receipts(newSku()), edge.adminToken, new JsonObject().put("quantity", 1)
        .put("warehouseId", UUID.randomUUID().toString()));
    assertThat(nodes.number("SELECT count(*) FROM inventory.stock WHERE sku = $1", ghost)).isZero();
    JsonObject bad = edge.expect(400, HttpMethod.POST, receipts(newSku()), edge.adminToken,
        new JsonObject().put("quantity", 0));
    assertThat(bad.getJsonArray("errors").encode()).contains("quantity");
  }

  @Test
  void adjustmentsNeedAReasonAndNeverGoBelowWhatIsReserved() {
    String sku = newSku();
    nodes.receive(sku, 10);
    InventoryNodes.call(nodes.a(), "inventory.reserve", reservation(UUID.randomUUID(), "checkout", sku, 6));
    String path = "/api/v1/inventory/" + sku + "/adjustments";
    edge.expect(400, HttpMethod.POST, path, edge.adminToken, new JsonObject().put("delta", -1));
    edge.expect(403, HttpMethod.POST, path, edge.customerToken, new JsonObject().put("delta", -1).put("reason", "x"));
    JsonObject refused = edge.expect(422, HttpMethod.POST, path, edge.adminToken,
        new JsonObject().put("delta", -5).put("reason", "broken in the warehouse"));
    assertThat(refused.getString("detail")).contains("reserved");
    JsonObject moved = edge.expect(201, HttpMethod.POST, path, edge.adminToken,
        new JsonObject().put("delta", -4).put("reason", "broken in the warehouse"));
    assertThat(moved.getString("kind")).isEqualTo("adjusted");
    assertThat(moved.getInteger("onHand")).isEqualTo(6);
    assertThat(moved.getLong("available")).isZero();
    assertThat(nodes.number("SELECT on_hand_before FROM inventory.ledger WHERE sku = $1 AND kind = 'adjusted'", sku))
        .isEqualTo(10);
  }

  @Test
  void reservationsOverRestNeedTheReservePermission() {
    String sku = newSku();
    nodes.receive(sku, 3);
    UUID id = UUID.randomUUID();
    JsonObject body = reservation(id, "checkout-rest", sku, 2);
    edge.expect(401, HttpMethod.POST, "/api/v1/inventory/reservations", null, body);
    edge.expect(403, HttpMethod.POST, "/api/v1/inventory/reservations", edge.customerToken, body);
    JsonObject held = edge.expect(201, HttpMethod.POST, "/api/v1/inventory/reservations", edge.adminToken, body);
    assertThat(held.getString("status")).isEqualTo("reserved");
    JsonObject refused = edge.expect(409, HttpMethod.POST, "/api/v1/inventory/reservations", edge.adminToken,
        reservation(UUID.randomUUID(), "checkout-rest", sku, 2));
    assertThat(refused.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/lines/0/quantity");
    edge.expect(400, HttpMethod.POST, "/api/v1/inventory/reservations", edge.adminToken,
        reservation(UUID.randomUUID(), "c", sku, 1, sku, 1));
    edge.expect(400, HttpMethod.POST, "/api/v1/inventory/reservations", edge.adminToken,
        new JsonObject().put("reservationId", UUID.randomUUID().toString()).put("reference", "c")
            .put("lines", new JsonArray()));
    String commit = "/api/v1/inventory/reservations/" + id + "/commit";
    edge.expect(403, HttpMethod.POST, commit, edge.customerToken, null);
    assertThat(edge.expect(200, HttpMethod.POST, commit, edge.adminToken, null).getString("status"))
        .isEqualTo("committed");
    assertThat(edge.expect(200, HttpMethod.POST, commit, edge.adminToken, null).getString("status"))
        .isEqualTo("committed");
    edge.expect(409, HttpMethod.POST, "/api/v1/inventory/reservations/" + id + "/release", edge.adminToken, null);
    // released before it was reserved: a tombstone that a late reserve with that id finds
    assertThat(edge.expect(200, HttpMethod.POST, "/api/v1/inventory/reservations/" + UUID.randomUUID() + "/release",
        edge.adminToken, null).getString("status")).isEqualTo("released");
    assertThat(nodes.number("SELECT on_hand FROM inventory.stock WHERE sku = $1", sku)).isEqualTo(1);
  }

  @Test
  void anAdminSetsAReorderLevelOfAStockedSku() {
    String sku = newSku();
    String path = "/api/v1/inventory/" + sku + "/reorder-level";
    JsonObject level = new JsonObject().put("reorderLevel", 8);
    edge.expect(404, HttpMethod.PUT, path, edge.adminToken, level);
    nodes.receive(sku, 20);
    edge.expect(403, HttpMethod.PUT, path, edge.customerToken, level);
    edge.expect(400, HttpMethod.PUT, path, edge.adminToken, new JsonObject().put("reorderLevel", -1));
    assertThat(edge.expect(200, HttpMethod.PUT, path, edge.adminToken, level).getInteger("reorderLevel")).isEqualTo(8);
    assertThat(nodes.number("SELECT reorder_level FROM inventory.stock WHERE sku = $1", sku)).isEqualTo(8);
  }
}
