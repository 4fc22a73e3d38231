package org.emporium.inventory;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.inventory.InventoryNodes.call;
import static org.emporium.inventory.InventoryNodes.newSku;
import static org.emporium.inventory.InventoryNodes.reservation;

/** stock.low once per crossing, stock.changed per round rather than per movement, and the live feed. */
class StockSignalsTest {

  static InventoryNodes nodes;

  @BeforeAll
  static void start() {
    nodes = InventoryNodes.get();
  }

  private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private long events(String type, String sku) {
    return nodes.number("SELECT count(*) FROM inventory.outbox WHERE event_type = $1 AND aggregate_id = $2", type, sku);
  }

  private boolean signalled(String sku) {
    return nodes.number("SELECT count(*) FROM inventory.stock WHERE sku = $1 AND (changed_pending OR low_pending)",
        sku) == 0;
  }

  private UUID reserve(String sku, int quantity) {
    UUID id = UUID.randomUUID();
    call(nodes.a(), "inventory.reserve", reservation(id, "checkout", sku, quantity));
    return id;
  }

  @Test
  void stockLowIsPublishedOncePerCrossingOfTheReorderLevel() throws Exception {
    String sku = newSku();
    nodes.receive(sku, 10);
    nodes.rows("UPDATE inventory.stock SET reorder_level = 5 WHERE sku = $1", sku);
    UUID first = reserve(sku, 5);
    reserve(sku, 1);
    eventually(() -> signalled(sku), "the signals of " + sku);
    assertThat(events("emporium.inventory.stock.low.v1", sku)).isEqualTo(1);

    call(nodes.a(), "inventory.release", new JsonObject().put("reservationId", first.toString()));
    eventually(() -> signalled(sku), "the signals of " + sku);
    assertThat(events("emporium.inventory.stock.low.v1", sku)).isEqualTo(1);
    reserve(sku, 5);
    eventually(() -> signalled(sku), "the signals of " + sku);
    assertThat(events("emporium.inventory.stock.low.v1", sku)).isEqualTo(2);
    JsonObject low = new JsonObject(nodes.rows("SELECT envelope FROM inventory.outbox WHERE event_type = $1"
        + " AND aggregate_id = $2 ORDER BY id DESC LIMIT 1", "emporium.inventory.stock.low.v1", sku).get(0).getString(0));
    assertThat(low.getJsonObject("data").getInteger("available")).isEqualTo(4);
    assertThat(low.getJsonObject("data").getInteger("reorderLevel")).isEqualTo(5);
  }

  @Test
  void stockChangedCarriesTheRegionLevelsAndReachesTheLiveFeed() throws Exception {
    String sku = newSku();
    List<JsonObject> live = new CopyOnWriteArrayList<>();
    nodes.b().eventBus().<JsonObject>consumer("emporium.stock." + sku, m -> live.add(m.body())).completion()
        .await(10, TimeUnit.SECONDS);
    nodes.receive(sku, 100);
    for (int i = 0; i < 30; i++) {
      reserve(sku, 1);
    }
    eventually(() -> signalled(sku), "the signals of " + sku);
    long changed = events("emporium.inventory.stock.changed.v1", sku);
    assertThat(changed).isBetween(1L, 31L);
    JsonObject last = new JsonObject(nodes.rows("SELECT envelope FROM inventory.outbox WHERE event_type = $1"
        + " AND aggregate_id = $2 ORDER BY id DESC LIMIT 1", "emporium.inventory.stock.changed.v1", sku)
        .get(0).getString(0)).getJsonObject("data");
    assertThat(last.getLong("available")).isEqualTo(70);
    assertThat(last.getLong("reserved")).isEqualTo(30);
    assertThat(last.getLong("onHand")).isEqualTo(100);
    assertThat(last.getString("region")).isEqualTo(nodes.first.config().region());

    eventually(() -> {
      if (live.isEmpty()) {
        nodes.receive(sku, 1);
      }
      return !live.isEmpty();
    }, "the live feed of " + sku);
    assertThat(live.get(0).getString("sku")).isEqualTo(sku);
    assertThat(live.get(0).getLong("available")).isGreaterThanOrEqualTo(70);
  }
}
