package org.emporium.cart;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Row;
import org.emporium.platform.embedded.EmbeddedRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cart's life on a node of its own with short times: guest carts live 5 s, customer carts 8 s,
 * a cart idle for 1.5 s is abandoned, changes are copied to PostgreSQL 100 ms after they happen.
 * Redis is really restarted without its data (a new server on the same port, in an empty directory).
 */
class CartLifecycleTest {

  private static CartNode node;
  private static String sku;
  private static EmbeddedRedisServer replacement;

  @BeforeAll
  static void start() {
    node = CartNode.start(Map.of("cart.guestTtlSeconds", "5", "cart.customerTtlSeconds", "8",
        "cart.abandonAfterMs", "1500", "cart.abandonLeaseMs", "1000", "cart.flushDelayMs", "100",
        "cart.sweepIntervalMs", "100"));
    sku = node.newSku(true);
  }

  @AfterAll
  static void stop() {
    node.close();
    if (replacement != null) {
      replacement.stop();
    }
  }

  @Test
  void changesReachTheDurableCopyBehindTheScenes() throws Exception {
    JsonObject guest = node.guestCart(null);
    UUID id = UUID.fromString(guest.getString("cartId"));
    long version = add(guest, 2).getLong("version");
    eventually(() -> copiedVersion(id) == version);
    JsonObject document = node.rows("SELECT document FROM cart.cart WHERE id = $1", id).get(0).getJsonObject("document");
    assertThat(document.getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(2);
    assertThat(document.getString("tokenHash")).as("only the token's hash is kept").hasSize(64)
        .isNotEqualTo(guest.getString("cartToken"));
  }

  @Test
  void cartsExpireUnlessTheyAreUsedAndExpiredCopiesStayGone() throws Exception {
    JsonObject guest = node.guestCart(null);
    String key = "cart:{" + guest.getString("cartId") + "}";
    add(guest, 1);
    assertThat(node.redis(Command.PTTL, key).toLong()).isBetween(1L, 5000L);
    assertThat(node.redis(Command.PTTL, key + ":lines").toLong()).as("the first line's key expires too").isPositive();
    assertThat(node.redis(Command.PTTL, key + ":items").toLong()).isPositive();
    String alice = node.customer();
    String own = node.expect(201, HttpMethod.POST, "/api/v1/carts", alice, null, null).getString("cartId");
    assertThat(node.redis(Command.PTTL, "cart:{" + own + "}").toLong()).isBetween(5001L, 8000L);

    Thread.sleep(2500);
    assertThat(node.redis(Command.PTTL, key).toLong()).isLessThanOrEqualTo(2500L);
    node.expect(200, HttpMethod.GET, "/api/v1/carts/" + guest.getString("cartId"), null, guest.getString("cartToken"), null);
    assertThat(node.redis(Command.PTTL, key).toLong()).as("renewed by the read").isGreaterThan(2500L);
    assertThat(node.redis(Command.PTTL, key + ":lines").toLong()).isGreaterThan(2500L);

    eventually(() -> node.redis(Command.EXISTS, key).toInteger() == 0);
    node.expect(404, HttpMethod.GET, "/api/v1/carts/" + guest.getString("cartId"), null, guest.getString("cartToken"), null);
    assertThat(node.redis(Command.EXISTS, key).toInteger()).as("an expired copy is not brought back").isZero();
  }

  @Test
  void anIdleCartIsAbandonedOncePerIdlePeriod() throws Exception {
    JsonObject guest = node.guestCart(null);
    JsonObject empty = node.guestCart(null);
    UUID id = UUID.fromString(guest.getString("cartId"));
    add(guest, 3);
    eventually(() -> abandoned(id).size() == 1);
    JsonObject event = abandoned(id).get(0);
    assertThat(event.getString("type")).isEqualTo("emporium.cart.cart.abandoned.v1");
    assertThat(event.getString("subject")).isEqualTo(id.toString());
    JsonObject data = event.getJsonObject("data");
    assertThat(data.getJsonArray("lines").getJsonObject(0).getString("sku")).isEqualTo(sku);
    assertThat(data.getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(3);
    assertThat(data.getJsonObject("subtotal")).isEqualTo(new JsonObject().put("amount", 3000).put("currency", "USD"));
    assertThat(node.rows("SELECT topic FROM cart.outbox WHERE aggregate_id = $1", id.toString()).get(0)
        .getString("topic")).isEqualTo("cart.cart.v1");

    Thread.sleep(2000);
    assertThat(abandoned(id)).as("still idle: no second event").hasSize(1);
    node.expect(200, HttpMethod.GET, "/api/v1/carts/" + id, null, guest.getString("cartToken"), null);
    eventually(() -> abandoned(id).size() == 2);
    assertThat(abandoned(UUID.fromString(empty.getString("cartId")))).as("an empty cart is not abandoned").isEmpty();
  }

  @Test
  void cartsComeBackFromPostgresWhenRedisLosesThem() throws Exception {
    JsonObject guest = node.guestCart("EUR");
    UUID guestId = UUID.fromString(guest.getString("cartId"));
    long guestVersion = add(guest, 4).getLong("version");
    String alice = node.customer();
    String own = node.expect(201, HttpMethod.POST, "/api/v1/carts", alice, null, null).getString("cartId");
    long ownVersion = node.expect(200, HttpMethod.POST, "/api/v1/carts/" + own + "/items", alice, null,
        new JsonObject().put("sku", sku).put("quantity", 2)).getLong("version");
    eventually(() -> copiedVersion(guestId) == guestVersion && copiedVersion(UUID.fromString(own)) == ownVersion);

    int port = node.node.config().redis().port();
    // the server closes the connection instead of answering
    CartNode.await(node.redis.send(Request.cmd(Command.SHUTDOWN, "NOSAVE")).otherwiseEmpty());
    eventually(() -> portIsFree(port));
    Path empty = Files.createTempDirectory("cart-redis-after-restart");
    replacement = EmbeddedRedisServer.start(empty, port);
    assertThat(node.redis(Command.DBSIZE).toInteger()).as("the new Redis starts empty").isZero();

    JsonObject back = node.expect(200, HttpMethod.GET, "/api/v1/carts/" + guestId, null, guest.getString("cartToken"), null);
    assertThat(back.getString("currency")).isEqualTo("EUR");
    assertThat(back.getLong("version")).isEqualTo(guestVersion);
    assertThat(back.getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(4);
    assertThat(back.getJsonObject("subtotal").getLong("amount")).isEqualTo(3600);
    node.expect(404, HttpMethod.GET, "/api/v1/carts/" + guestId, null, node.guestCart(null).getString("cartToken"), null);

    JsonObject ownBack = node.expect(200, HttpMethod.POST, "/api/v1/carts", alice, null, null);
    assertThat(ownBack.getString("cartId")).as("the customer's cart, not a new one").isEqualTo(own);
    assertThat(ownBack.getJsonObject("cart").getLong("itemCount")).isEqualTo(2);
    JsonObject grown = add(guest, 1);
    assertThat(grown.getLong("version")).isEqualTo(guestVersion + 1);
    assertThat(grown.getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(5);
  }

  private static JsonObject add(JsonObject guest, int quantity) {
    return node.expect(200, HttpMethod.POST, "/api/v1/carts/" + guest.getString("cartId") + "/items", null,
        guest.getString("cartToken"), new JsonObject().put("sku", sku).put("quantity", quantity));
  }

  @Test
  void anAbandonmentThatCouldNotBeRecordedComesBackWhenItsLeaseRunsOutAndIsRecordedOnce() throws Exception {
    JsonObject guest = node.guestCart(null);
    UUID id = UUID.fromString(guest.getString("cartId"));
    node.rows("ALTER TABLE cart.outbox RENAME TO outbox_away");
    java.time.Instant lastUse;
    try {
      lastUse = java.time.Instant.now();
      add(guest, 1);
      Thread.sleep(3000); // idle past 1.5 s, then leased and failed at least once
      assertThat(node.rows("SELECT 1 FROM cart.outbox_away WHERE aggregate_id = $1", id.toString())).isEmpty();
    } finally {
      node.rows("ALTER TABLE cart.outbox_away RENAME TO outbox");
    }
    eventually(() -> abandoned(id).size() == 1);
    java.time.Instant idleSince = java.time.Instant.parse(abandoned(id).get(0).getJsonObject("data").getString("lastActivityAt"));
    assertThat(idleSince).as("the idle period starts at the last use, not at a lease")
        .isBetween(lastUse.minusSeconds(1), lastUse.plusSeconds(1));
    Thread.sleep(2500);
    assertThat(abandoned(id)).as("recorded once: the lease was settled").hasSize(1);
  }

  @Test
  void aCartLeasedByANodeThatDiedIsAbandonedOnceItsLeaseRunsOut() throws Exception {
    JsonObject guest = node.guestCart(null);
    UUID id = UUID.fromString(guest.getString("cartId"));
    add(guest, 2);
    long lastUse = System.currentTimeMillis();
    // another node, idle after 0 ms, leases the cart for 1 s and dies before recording anything
    org.emporium.cart.infra.RedisCarts dying = new org.emporium.cart.infra.RedisCarts(
        new org.emporium.cart.infra.RedisPipeline(node.redis, 5000),
        CartNode.await(org.emporium.cart.infra.CartScripts.load(node.vertx())), java.time.Clock.systemUTC(),
        5000, 8000, new org.emporium.cart.domain.CartRules(999, 100, 5));
    long now = System.currentTimeMillis();
    List<org.emporium.cart.application.CartStore.Claimed> leased = CartNode.await(dying.leaseIdle(now, 100, now + 1000 - 1500));
    assertThat(leased).extracting(c -> c.cart().id()).contains(id);
    assertThat(abandoned(id)).isEmpty();

    eventually(() -> abandoned(id).size() == 1);
    java.time.Instant idleSince = java.time.Instant.parse(abandoned(id).get(0).getJsonObject("data").getString("lastActivityAt"));
    assertThat(idleSince.toEpochMilli()).as("the idle period starts at the last use").isBetween(lastUse - 1000, lastUse);
    Thread.sleep(2500);
    assertThat(abandoned(id)).as("recorded once").hasSize(1);
  }

  private static long copiedVersion(UUID id) {
    List<Row> rows = node.rows("SELECT version FROM cart.cart WHERE id = $1", id);
    return rows.isEmpty() ? -1 : rows.get(0).getLong("version");
  }

  private static List<JsonObject> abandoned(UUID id) {
    return node.rows("SELECT envelope FROM cart.outbox WHERE aggregate_id = $1 AND event_type = $2 ORDER BY id",
        id.toString(), "emporium.cart.cart.abandoned.v1").stream()
        .map(row -> new JsonObject(row.getString("envelope"))).toList();
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(50);
    }
  }
}
