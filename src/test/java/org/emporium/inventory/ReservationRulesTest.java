package org.emporium.inventory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.inventory.InventoryNodes.call;
import static org.emporium.inventory.InventoryNodes.newSku;
import static org.emporium.inventory.InventoryNodes.problem;
import static org.emporium.inventory.InventoryNodes.reservation;

/** Reserve, commit and release over the event bus: outcomes, idempotency and bad input. */
class ReservationRulesTest {

  static InventoryNodes nodes;

  @BeforeAll
  static void start() {
    nodes = InventoryNodes.get();
  }

  private long reserved(String sku) {
    return nodes.number("SELECT sum(reserved) FROM inventory.stock WHERE sku = $1", sku);
  }

  private long onHand(String sku) {
    return nodes.number("SELECT sum(on_hand) FROM inventory.stock WHERE sku = $1", sku);
  }

  @Test
  void aReservationHoldsUnitsUntilCommittedAndCommitSellsThemOnce() {
    String sku = newSku();
    nodes.receive(sku, 10);
    UUID id = UUID.randomUUID();
    JsonObject held = call(nodes.a(), "inventory.reserve", reservation(id, "checkout-1", sku, 3));
    assertThat(held.getString("status")).isEqualTo("reserved");
    assertThat(held.getJsonArray("allocations")).hasSize(1);
    assertThat(reserved(sku)).isEqualTo(3);

    JsonObject again = call(nodes.b(), "inventory.reserve", reservation(id, "checkout-1", sku, 3));
    assertThat(again.getString("reservationId")).isEqualTo(id.toString());
    assertThat(again.getString("status")).isEqualTo("reserved");
    assertThat(reserved(sku)).isEqualTo(3);

    JsonObject body = new JsonObject().put("reservationId", id.toString());
    assertThat(call(nodes.a(), "inventory.commit", body).getString("status")).isEqualTo("committed");
    assertThat(call(nodes.b(), "inventory.commit", body).getString("status")).isEqualTo("committed");
    assertThat(onHand(sku)).isEqualTo(7);
    assertThat(reserved(sku)).isZero();
    assertThat(problem(nodes.a(), "inventory.release", body).code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(nodes.number("SELECT count(*) FROM inventory.ledger WHERE sku = $1 AND kind = 'sold'", sku)).isEqualTo(1);
  }

  @Test
  void releaseGivesUnitsBackOnceAndACommitAfterItConflicts() {
    String sku = newSku();
    nodes.receive(sku, 5);
    UUID id = UUID.randomUUID();
    call(nodes.a(), "inventory.reserve", reservation(id, "checkout-2", sku, 5));
    JsonObject body = new JsonObject().put("reservationId", id.toString());
    assertThat(call(nodes.a(), "inventory.release", body).getString("status")).isEqualTo("released");
    assertThat(call(nodes.b(), "inventory.release", body).getString("status")).isEqualTo("released");
    assertThat(reserved(sku)).isZero();
    assertThat(onHand(sku)).isEqualTo(5);
    assertThat(problem(nodes.a(), "inventory.commit", body).code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(nodes.number("SELECT count(*) FROM inventory.ledger WHERE sku = $1 AND kind = 'released'", sku))
        .isEqualTo(1);
    assertThat(problem(nodes.a(), "inventory.commit", new JsonObject().put("reservationId", UUID.randomUUID().toString()))
        .code()).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void aReleaseThatComesBeforeItsReservationMakesTheLateReserveHoldNothing() {
    String sku = newSku();
    String other = newSku();
    nodes.receive(sku, 5);
    nodes.receive(other, 5);
    UUID single = UUID.randomUUID();
    UUID multi = UUID.randomUUID();
    for (UUID id : new UUID[] {single, multi}) {
      JsonObject released = call(nodes.a(), "inventory.release", new JsonObject().put("reservationId", id.toString()));
      assertThat(released.getString("status")).isEqualTo("released");
      assertThat(released.getJsonArray("allocations")).isEmpty();
    }
    assertThat(call(nodes.b(), "inventory.reserve", reservation(single, "checkout-late", sku, 2)).getString("status"))
        .isEqualTo("released");
    assertThat(call(nodes.b(), "inventory.reserve", reservation(multi, "checkout-late", sku, 1, other, 1))
        .getString("status")).isEqualTo("released");
    assertThat(reserved(sku)).isZero();
    assertThat(reserved(other)).isZero();
    assertThat(nodes.number("SELECT count(*) FROM inventory.ledger WHERE sku = ANY($1)", (Object) new String[] {sku, other}))
        .isEqualTo(2); // the two receipts
    assertThat(problem(nodes.a(), "inventory.commit", new JsonObject().put("reservationId", single.toString())).code())
        .isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void notEnoughStockIsAConflictNamingTheLineAndHoldsNothing() {
    String sku = newSku();
    String other = newSku();
    nodes.receive(sku, 2);
    nodes.receive(other, 5);
    UUID id = UUID.randomUUID();
    Problem refused = problem(nodes.a(), "inventory.reserve", reservation(id, "checkout-3", other, 1, sku, 3));
    assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactly("/lines/1/quantity");
    assertThat(reserved(sku)).isZero();
    assertThat(reserved(other)).isZero();
    assertThat(nodes.rows("SELECT status FROM inventory.reservation WHERE id = $1", id).get(0).getString(0))
        .isEqualTo("rejected");
    Problem repeated = problem(nodes.b(), "inventory.reserve", reservation(id, "checkout-3", other, 1, sku, 3));
    assertThat(repeated.code()).isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void aSkuWithoutStockIsUnknown() {
    Problem unknown = problem(nodes.a(), "inventory.reserve", reservation(UUID.randomUUID(), "c", newSku(), 1));
    assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(unknown.errors()).extracting(Problem.FieldError::field).containsExactly("/lines/0/sku");
  }

  @Test
  void badLinesAreRefusedWithFieldErrorsAndRecordNothing() {
    String sku = newSku();
    nodes.receive(sku, 5);
    UUID id = UUID.randomUUID();
    Problem bad = problem(nodes.a(), "inventory.reserve", reservation(id, "c", sku, 0, "bad sku!", 1, sku, 10_001));
    assertThat(bad.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(bad.errors()).extracting(Problem.FieldError::field)
        .containsExactlyInAnyOrder("/lines/0/quantity", "/lines/1/sku", "/lines/2/sku", "/lines/2/quantity");
    Problem empty = problem(nodes.a(), "inventory.reserve", reservation(id, "c"));
    assertThat(empty.errors()).extracting(Problem.FieldError::field).containsExactly("/lines");
    Problem shapeless = problem(nodes.a(), "inventory.reserve", new JsonObject().put("reservationId", "nope")
        .put("lines", new JsonArray().add("x")));
    assertThat(shapeless.errors()).extracting(Problem.FieldError::field)
        .containsExactlyInAnyOrder("/reservationId", "/reference", "/lines/0");
    assertThat(nodes.number("SELECT count(*) FROM inventory.reservation WHERE id = $1", id)).isZero();
    assertThat(reserved(sku)).isZero();
  }
}
