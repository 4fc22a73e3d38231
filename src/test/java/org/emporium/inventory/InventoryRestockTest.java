package org.emporium.inventory;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.inventory.InventoryNodes.call;
import static org.emporium.inventory.InventoryNodes.newSku;
import static org.emporium.inventory.InventoryNodes.problem;
import static org.emporium.inventory.InventoryNodes.reservation;

/** {@code inventory.restock}: a sold reservation's units go back on hand once; anything else is refused. */
class InventoryRestockTest {

  static InventoryNodes nodes;

  @BeforeAll
  static void start() {
    nodes = InventoryNodes.get();
  }

  private long sum(String column, String sku) {
    return nodes.number("SELECT sum(" + column + ") FROM inventory.stock WHERE sku = $1", sku);
  }

  @Test
  void aCommittedReservationIsRestockedOnceWithALedgerRow() {
    String sku = newSku();
    nodes.receive(sku, 10);
    UUID id = UUID.randomUUID();
    JsonObject body = new JsonObject().put("reservationId", id.toString());
    call(nodes.a(), "inventory.reserve", reservation(id, "order-1", sku, 4));
    call(nodes.a(), "inventory.commit", body);
    assertThat(sum("on_hand", sku)).isEqualTo(6);

    JsonObject returned = call(nodes.a(), "inventory.restock", body);
    assertThat(returned.getString("status")).isEqualTo("returned");
    assertThat(returned.getJsonArray("allocations")).hasSize(1);
    assertThat(call(nodes.b(), "inventory.restock", body).getString("status")).isEqualTo("returned");

    assertThat(sum("on_hand", sku)).isEqualTo(10);
    assertThat(sum("reserved", sku)).isZero();
    assertThat(nodes.number("SELECT count(*) FROM inventory.ledger WHERE sku = $1 AND kind = 'returned'"
        + " AND reference = $2 AND quantity = 4", sku, id.toString())).isEqualTo(1);
    assertThat(nodes.number("SELECT sum(on_hand_after - on_hand_before) FROM inventory.ledger WHERE sku = $1", sku))
        .isEqualTo(10);
    assertThat(nodes.number("SELECT sum(reserved_after - reserved_before) FROM inventory.ledger WHERE sku = $1", sku))
        .isZero();
    assertThat(nodes.number("SELECT count(*) FROM inventory.outbox WHERE aggregate_id = $1"
        + " AND event_type = 'emporium.inventory.reservation.returned.v1'", id.toString())).isEqualTo(1);
    assertThat(problem(nodes.a(), "inventory.commit", body).code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(problem(nodes.a(), "inventory.release", body).code()).isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void aReservationThatWasNotSoldIsNotRestocked() {
    String sku = newSku();
    nodes.receive(sku, 5);
    UUID held = UUID.randomUUID();
    call(nodes.a(), "inventory.reserve", reservation(held, "order-2", sku, 2));
    JsonObject body = new JsonObject().put("reservationId", held.toString());

    assertThat(problem(nodes.a(), "inventory.restock", body).code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(sum("on_hand", sku)).isEqualTo(5);
    assertThat(sum("reserved", sku)).isEqualTo(2);

    call(nodes.a(), "inventory.release", body);
    assertThat(problem(nodes.a(), "inventory.restock", body).code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(sum("on_hand", sku)).isEqualTo(5);
    assertThat(nodes.number("SELECT count(*) FROM inventory.ledger WHERE sku = $1 AND kind = 'returned'", sku))
        .isZero();

    assertThat(problem(nodes.a(), "inventory.restock", new JsonObject().put("reservationId", UUID.randomUUID()
        .toString())).code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(problem(nodes.a(), "inventory.restock", new JsonObject().put("reservationId", "nope")).code())
        .isEqualTo(ErrorCode.BAD_REQUEST);
  }
}
