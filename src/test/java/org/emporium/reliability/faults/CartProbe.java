package org.emporium.reliability.faults;

import io.vertx.core.json.JsonObject;
import org.emporium.reliability.faults.Journal.Kind;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Guest carts made before Redis loses its data: what each read then, whether it reads the same
 * after (restored from the copy in PostgreSQL), and whether it still checks out.
 */
final class CartProbe {

  /** How the probe carts fared. {@code lost}: carts that did not come back or came back different. */
  record Outcome(int before, int restored, int checkedOut, int lost) {
  }

  private record Cart(String id, String token, JsonObject seen) {
  }

  private final Rig rig;
  private final List<Cart> carts = new ArrayList<>();

  private CartProbe(Rig rig) {
    this.rig = rig;
  }

  static CartProbe fill(Rig rig, int count) {
    CartProbe probe = new CartProbe(rig);
    for (int i = 0; i < count; i++) {
      ClusterNode node = rig.liveNode(i);
      JsonObject cart = rig.http.expect(201, "POST", node.uri("/api/v1/carts"), Map.of(),
          new JsonObject().put("currency", "USD"));
      String id = cart.getString("cartId");
      String token = cart.getString("cartToken");
      for (int line = 0; line < 2; line++) {
        String sku = rig.catalogue.plenty.get((i * 2 + line) % rig.catalogue.plenty.size());
        rig.http.expect(200, "PUT", node.uri("/api/v1/carts/" + id + "/items/" + sku), Map.of("X-Cart-Token", token),
            new JsonObject().put("quantity", 1 + line));
      }
      probe.carts.add(new Cart(id, token, probe.read(node, id, token)));
    }
    return probe;
  }

  /** Waits until PostgreSQL holds every probe cart at the version last read (the write-behind copy). */
  void awaitSaved(Connection db) throws Exception {
    UUID[] ids = carts.stream().map(cart -> UUID.fromString(cart.id())).toArray(UUID[]::new);
    Long[] versions = carts.stream().map(cart -> cart.seen().getLong("version")).toArray(Long[]::new);
    long deadline = System.currentTimeMillis() + 30_000;
    while (Sql.count(db, "SELECT count(*) FROM cart.cart c JOIN unnest(?::uuid[], ?::bigint[]) AS p(id, v) "
        + "ON c.id = p.id AND c.version = p.v", ids, versions) < carts.size()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the probe carts were not copied to PostgreSQL within 30 s");
      }
      Thread.sleep(200);
    }
  }

  /** Reads every probe cart back and checks each one out. */
  Outcome readBackAndCheckOut() {
    int restored = 0;
    int checkedOut = 0;
    for (Cart cart : carts) {
      ClusterNode node = rig.liveNode(carts.indexOf(cart) + 1);
      Http.Reply reply = rig.http.call("GET", node.uri("/api/v1/carts/" + cart.id()), Map.of("X-Cart-Token", cart.token()),
          null);
      if (reply.status() == 200 && comparable(reply.json()).equals(cart.seen())) {
        restored++;
      } else {
        System.out.println("probe cart " + cart.id() + " before: " + cart.seen() + "\n  after: " + reply.body());
      }
      long at = System.currentTimeMillis();
      Map<String, String> headers = Map.of("X-Cart-Token", cart.token(), "Idempotency-Key", UUID.randomUUID().toString());
      Http.Reply placed = rig.http.call("POST", node.uri("/api/v1/checkout"), headers, Shopper.checkoutBody(cart.id()));
      // as a shopper would: the same key again after an error that stored nothing
      for (int tries = 1; tries < 5 && worthRepeating(placed); tries++) {
        pause();
        placed = rig.http.call("POST", node.uri("/api/v1/checkout"), headers, Shopper.checkoutBody(cart.id()));
      }
      if (placed.status() == 201) {
        checkedOut++;
        rig.journal.add(Kind.ACKNOWLEDGED, at, rig.nodes.indexOf(node), placed.json().getString("orderId"),
            cart.id(), null);
      } else {
        System.out.println("probe cart " + cart.id() + " checkout: " + placed.status() + " " + placed.body());
      }
    }
    return new Outcome(carts.size(), restored, checkedOut, carts.size() - restored);
  }

  private static boolean worthRepeating(Http.Reply reply) {
    return reply.status() >= 500 && reply.replayed() == null
        || reply.status() == 409 && (reply.detail().contains("in progress") || reply.detail().contains("being completed"));
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonObject read(ClusterNode node, String id, String token) {
    return comparable(rig.http.expect(200, "GET", node.uri("/api/v1/carts/" + id), Map.of("X-Cart-Token", token), null));
  }

  /** What must survive: the lines, totals and version; the expiry moves with every use. */
  private static JsonObject comparable(JsonObject cart) {
    JsonObject kept = new JsonObject();
    for (String field : List.of("cartId", "currency", "lines", "itemCount", "subtotal", "couponCodes", "version")) {
      kept.put(field, cart.getValue(field));
    }
    return kept;
  }
}
