package org.emporium.inventory;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.emporium.platform.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.inventory.InventoryNodes.await;
import static org.emporium.inventory.InventoryNodes.call;
import static org.emporium.inventory.InventoryNodes.newSku;
import static org.emporium.inventory.InventoryNodes.problem;
import static org.emporium.inventory.InventoryNodes.reservation;
import static org.emporium.inventory.InventoryNodes.send;
import static org.emporium.testing.Eventually.eventually;

/** Many reservations at once from two clustered nodes on one PostgreSQL: no oversell, no partial reservation. */
class ConcurrentReservationsTest {

  static InventoryNodes nodes;

  @BeforeAll
  static void start() {
    nodes = InventoryNodes.get();
  }

  @Test
  void twoThousandSingleUnitReservationsOfAHundredUnitsOverTwoNodesSellExactlyAHundred() {
    String sku = newSku();
    nodes.receive(sku, 100);
    List<Future<JsonObject>> all = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Vertx from = i % 2 == 0 ? nodes.a() : nodes.b();
      all.add(send(from, "inventory.reserve", reservation(UUID.randomUUID(), "checkout-" + i, sku, 1)));
    }
    await(Future.join(all).otherwiseEmpty());
    long won = all.stream().filter(Future::succeeded).count();
    List<Integer> refusals = all.stream().filter(Future::failed)
        .map(f -> ((ReplyException) f.cause()).failureCode()).distinct().toList();

    assertThat(won).isEqualTo(100);
    assertThat(refusals).containsExactly(409);
    Row stock = nodes.rows("SELECT on_hand, reserved, available FROM inventory.stock WHERE sku = $1", sku).get(0);
    assertThat(stock.getInteger("available")).isZero();
    assertThat(stock.getInteger("reserved")).isEqualTo(100);
    assertThat(stock.getInteger("on_hand")).isEqualTo(100);
    assertThat(nodes.number("SELECT sum(on_hand_after - on_hand_before) FROM inventory.ledger WHERE sku = $1", sku))
        .isEqualTo(100);
    assertThat(nodes.number("SELECT sum(reserved_after - reserved_before) FROM inventory.ledger WHERE sku = $1", sku))
        .isEqualTo(100);
    assertThat(nodes.number("SELECT min(on_hand_after - reserved_after) FROM inventory.ledger WHERE sku = $1", sku))
        .isZero();
    assertThat(nodes.number("SELECT count(*) FROM inventory.reservation r WHERE status = 'reserved'"
        + " AND EXISTS (SELECT 1 FROM inventory.reservation_line l WHERE l.reservation_id = r.id AND l.sku = $1)", sku))
        .isEqualTo(100);
  }

  @Test
  void concurrentMultiLineReservationsOverOverlappingSkusLeaveNoPartialReservation() {
    String[] skus = {newSku(), newSku(), newSku()};
    for (String sku : skus) {
      nodes.receive(sku, 25);
    }
    List<Future<JsonObject>> all = new ArrayList<>();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      String first = skus[i % 3];
      String second = skus[(i + 1) % 3];
      Vertx from = i % 2 == 0 ? nodes.a() : nodes.b();
      all.add(send(from, "inventory.reserve", i % 4 == 0
          ? reservation(id, "order-" + i, first, 1, second, 1, skus[(i + 2) % 3], 1)
          : reservation(id, "order-" + i, first, 1, second, 1)));
    }
    await(Future.join(all).otherwiseEmpty());
    long won = all.stream().filter(Future::succeeded).count();
    assertThat(won).isPositive().isLessThan(120);
    assertThat(all.stream().filter(Future::failed).map(f -> ((ReplyException) f.cause()).failureCode()).distinct())
        .containsExactly(409);

    for (String sku : skus) {
      long reserved = nodes.number("SELECT reserved FROM inventory.stock WHERE sku = $1", sku);
      long heldByReserved = nodes.number("SELECT sum(l.quantity) FROM inventory.reservation_line l"
          + " JOIN inventory.reservation r ON r.id = l.reservation_id WHERE l.sku = $1 AND r.status = 'reserved'", sku);
      assertThat(reserved).as(sku).isEqualTo(heldByReserved).isLessThanOrEqualTo(25);
      assertThat(nodes.number("SELECT sum(reserved_after - reserved_before) FROM inventory.ledger WHERE sku = $1", sku))
          .isEqualTo(reserved);
    }
    for (int i = 0; i < ids.size(); i++) {
      Row r = nodes.rows("SELECT status, (SELECT count(DISTINCT sku) FROM inventory.reservation_line"
          + " WHERE reservation_id = $1) AS held FROM inventory.reservation WHERE id = $1", ids.get(i)).get(0);
      if (all.get(i).succeeded()) {
        assertThat(r.getString("status")).isEqualTo("reserved");
        assertThat(r.getLong("held")).isEqualTo(i % 4 == 0 ? 3 : 2);
      } else {
        assertThat(r.getString("status")).isEqualTo("rejected");
        assertThat(nodes.number("SELECT coalesce(sum(reserved_after - reserved_before), 0) FROM inventory.ledger"
            + " WHERE reference = $1", ids.get(i).toString())).as("left held by %s", ids.get(i)).isZero();
      }
    }
  }

  @Test
  void aRetriedReservationRacingItselfHoldsOnce() {
    String sku = newSku();
    nodes.receive(sku, 10);
    UUID id = UUID.randomUUID();
    List<Future<JsonObject>> tries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tries.add(send(i % 2 == 0 ? nodes.a() : nodes.b(), "inventory.reserve", reservation(id, "checkout", sku, 4)));
    }
    await(Future.join(tries).otherwiseEmpty());
    assertThat(tries).allSatisfy(t -> assertThat(t.result().getString("status")).isEqualTo("reserved"));
    assertThat(nodes.number("SELECT reserved FROM inventory.stock WHERE sku = $1", sku)).isEqualTo(4);

    UUID multi = UUID.randomUUID();
    String other = newSku();
    nodes.receive(other, 10);
    List<Future<JsonObject>> multiTries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      multiTries.add(send(i % 2 == 0 ? nodes.a() : nodes.b(), "inventory.reserve",
          reservation(multi, "order", sku, 1, other, 2)));
    }
    await(Future.join(multiTries).otherwiseEmpty());
    assertThat(nodes.number("SELECT reserved FROM inventory.stock WHERE sku = $1", other)).isEqualTo(2);
    assertThat(nodes.number("SELECT reserved FROM inventory.stock WHERE sku = $1", sku)).isEqualTo(5);
    JsonObject release = new JsonObject().put("reservationId", multi.toString());
    List<Future<JsonObject>> releases = List.of(send(nodes.a(), "inventory.release", release),
        send(nodes.b(), "inventory.release", release), send(nodes.a(), "inventory.release", release));
    await(Future.join(releases).otherwiseEmpty());
    assertThat(releases).allSatisfy(r -> assertThat(r.result().getString("status")).isEqualTo("released"));
    assertThat(nodes.number("SELECT reserved FROM inventory.stock WHERE sku = $1", other)).isZero();
    assertThat(nodes.number("SELECT count(*) FROM inventory.ledger WHERE reference = $1 AND kind = 'released'",
        multi.toString())).isEqualTo(2);
  }

  @Test
  void expiredReservationsAreReleasedExactlyOnceWithASweeperOnEachNode() throws Exception {
    String sku = newSku();
    nodes.receive(sku, 50);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      call(i % 2 == 0 ? nodes.a() : nodes.b(), "inventory.reserve",
          reservation(id, "checkout-" + i, sku, 1).put("ttlSeconds", 1));
    }
    String[] texts = ids.stream().map(UUID::toString).toArray(String[]::new);
    UUID[] array = ids.toArray(UUID[]::new);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (nodes.number("SELECT count(*) FROM inventory.reservation WHERE id = ANY($1) AND status = 'expired'",
        (Object) array) < 40 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    assertThat(nodes.number("SELECT count(*) FROM inventory.reservation WHERE id = ANY($1) AND status = 'expired'",
        (Object) array)).isEqualTo(40);
    assertThat(nodes.number("SELECT reserved FROM inventory.stock WHERE sku = $1", sku)).isZero();
    assertThat(nodes.number("SELECT count(*) FROM inventory.ledger WHERE sku = $1 AND kind = 'released'", sku))
        .isEqualTo(40);
    assertThat(nodes.number("SELECT count(*) FROM inventory.outbox WHERE event_type = $1 AND aggregate_id = ANY($2)",
        "emporium.inventory.reservation.expired.v1", texts)).isEqualTo(40);
    JsonObject late = new JsonObject().put("reservationId", ids.get(0).toString());
    assertThat(call(nodes.a(), "inventory.release", late).getString("status")).isEqualTo("expired");
  }
  @Test
  void aCommitAfterTheExpirySellsTheUnitsWhenStillFreeAndConflictsWhenOthersHoldThem() throws Exception {
    String sku = newSku();
    nodes.receive(sku, 3);
    UUID late = UUID.randomUUID();
    UUID gone = UUID.randomUUID();
    call(nodes.a(), "inventory.reserve", reservation(late, "checkout-late", sku, 2).put("ttlSeconds", 1));
    call(nodes.b(), "inventory.reserve", reservation(gone, "checkout-gone", sku, 1).put("ttlSeconds", 1));
    UUID[] both = {late, gone};
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (nodes.number("SELECT count(*) FROM inventory.reservation WHERE id = ANY($1) AND status = 'expired'",
        (Object) both) < 2 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    assertThat(nodes.number("SELECT reserved FROM inventory.stock WHERE sku = $1", sku)).isZero();
    // another buyer holds one unit: 2 of the 3 on the shelf stay free
    call(nodes.a(), "inventory.reserve", reservation(UUID.randomUUID(), "checkout-other", sku, 1));

    JsonObject body = new JsonObject().put("reservationId", late.toString());
    assertThat(call(nodes.a(), "inventory.commit", body).getString("status")).isEqualTo("committed");
    assertThat(call(nodes.b(), "inventory.commit", body).getString("status")).isEqualTo("committed");
    Row stock = nodes.rows("SELECT on_hand, reserved FROM inventory.stock WHERE sku = $1", sku).get(0);
    assertThat(stock.getInteger("on_hand")).isEqualTo(1);
    assertThat(stock.getInteger("reserved")).isEqualTo(1);

    // nothing is free any more: the other expired reservation cannot be sold and stays expired
    assertThat(problem(nodes.b(), "inventory.commit", new JsonObject().put("reservationId", gone.toString())).code())
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(nodes.rows("SELECT status FROM inventory.reservation WHERE id = $1", gone).get(0).getString(0))
        .isEqualTo("expired");
    stock = nodes.rows("SELECT on_hand, reserved FROM inventory.stock WHERE sku = $1", sku).get(0);
    assertThat(stock.getInteger("on_hand")).isEqualTo(1);
    assertThat(stock.getInteger("reserved")).isEqualTo(1);
    assertThat(nodes.number("SELECT sum(on_hand_after - on_hand_before) FROM inventory.ledger WHERE sku = $1", sku))
        .isEqualTo(1);
    assertThat(nodes.number("SELECT sum(reserved_after - reserved_before) FROM inventory.ledger WHERE sku = $1", sku))
        .isEqualTo(1);
    assertThat(nodes.number("SELECT count(*) FROM inventory.ledger WHERE reference = $1 AND kind = 'sold'",
        late.toString())).isEqualTo(1);
  }

  @Test
  void reservationsThatEndedWithoutASaleAreDeletedPastTheRetentionAndSoldOnesStay() throws Exception {
    String sku = newSku();
    nodes.receive(sku, 10);
    UUID released = UUID.randomUUID();
    UUID rejected = UUID.randomUUID();
    UUID sold = UUID.randomUUID();
    UUID held = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    call(nodes.a(), "inventory.reserve", reservation(released, "checkout-released", sku, 1));
    assertThat(problem(nodes.b(), "inventory.reserve", reservation(rejected, "checkout-rejected", sku, 100)).code())
        .isEqualTo(ErrorCode.CONFLICT);
    call(nodes.a(), "inventory.reserve", reservation(sold, "checkout-sold", sku, 2));
    call(nodes.b(), "inventory.reserve", reservation(held, "checkout-held", sku, 3));
    call(nodes.a(), "inventory.reserve", reservation(recent, "checkout-recent", sku, 1));
    call(nodes.a(), "inventory.release", new JsonObject().put("reservationId", released.toString()));
    call(nodes.b(), "inventory.release", new JsonObject().put("reservationId", recent.toString()));
    call(nodes.a(), "inventory.commit", new JsonObject().put("reservationId", sold.toString()));
    long ledger = nodes.number("SELECT count(*) FROM inventory.ledger WHERE sku = $1", sku);

    UUID[] old = {released, rejected, sold, held};
    nodes.rows("UPDATE inventory.reservation SET updated_at = now() - interval '8 days' WHERE id = ANY($1)",
        (Object) old);
    UUID[] ended = {released, rejected};
    // ended without a sale, past the retention: deleted by a sweeper
    eventually(() -> nodes.number("SELECT count(*) FROM inventory.reservation WHERE id = ANY($1)", (Object) ended),
        left -> left == 0, Duration.ofSeconds(30));
    assertThat(nodes.number("SELECT count(*) FROM inventory.reservation_line WHERE reservation_id = $1", released))
        .isZero();
    assertThat(nodes.rows("SELECT id, status FROM inventory.reservation WHERE id = ANY($1) ORDER BY status",
        (Object) new UUID[] {sold, held, recent}).stream().map(row -> row.getString("status")).toList())
        .containsExactly("committed", "released", "reserved");
    assertThat(nodes.number("SELECT count(*) FROM inventory.reservation_line WHERE reservation_id = ANY($1)",
        (Object) new UUID[] {sold, held})).isEqualTo(2);
    assertThat(nodes.number("SELECT count(*) FROM inventory.ledger WHERE sku = $1", sku))
        .as("the ledger keeps every movement").isEqualTo(ledger);
    Row stock = nodes.rows("SELECT on_hand, reserved FROM inventory.stock WHERE sku = $1", sku).get(0);
    assertThat(stock.getInteger("on_hand")).isEqualTo(8);
    assertThat(stock.getInteger("reserved")).isEqualTo(3);
  }
}
