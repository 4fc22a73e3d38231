package org.emporium.cart.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.emporium.cart.application.CartStore;
import org.emporium.cart.application.Rejected;
import org.emporium.cart.application.StoreAnswer;
import org.emporium.cart.domain.Caller;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartLine;
import org.emporium.cart.domain.CartRules;
import org.emporium.cart.domain.CatalogItem;
import org.emporium.cart.domain.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Carts in Redis, each operation one script run ({@code EVALSHA}) over the pipelined connection.
 * The layout of the keys is described in {@code cart/redis/prelude.lua}. A Redis failure is the
 * rejection "unavailable".
 */
public final class RedisCarts implements CartStore {

  private static final Logger LOG = LoggerFactory.getLogger(RedisCarts.class);

  private final RedisPipeline redis;
  private final CartScripts scripts;
  private final Clock clock;
  private final String guestTtlMs;
  private final String customerTtlMs;
  private final CartRules rules;

  public RedisCarts(RedisPipeline redis, CartScripts scripts, Clock clock, long guestTtlMs, long customerTtlMs,
      CartRules rules) {
    this.redis = redis;
    this.scripts = scripts;
    this.clock = clock;
    this.guestTtlMs = String.valueOf(guestTtlMs);
    this.customerTtlMs = String.valueOf(customerTtlMs);
    this.rules = rules;
  }

  public static String key(UUID cartId) {
    return "cart:{" + cartId + "}";
  }

  @Override
  public Future<StoreAnswer> createGuest(UUID id, String currency, String tokenHash) {
    return run("create", id, new Caller(null, tokenHash), currency);
  }

  @Override
  public Future<StoreAnswer> openOwn(Caller caller, UUID newId, String currency, boolean create) {
    return run("open", newId == null ? new UUID(0, 0) : newId, caller, currency == null ? "" : currency,
        create ? "create" : "find");
  }

  @Override
  public Future<StoreAnswer> read(UUID id, Caller caller) {
    return run("read", id, caller);
  }

  @Override
  public Future<StoreAnswer> putLine(UUID id, Caller caller, LineChange change) {
    CatalogItem item = change.item();
    return run("put-line", id, caller, change.sku(), String.valueOf(change.quantity()), change.add() ? "add" : "set",
        String.valueOf(rules.maxLineQuantity()), String.valueOf(rules.maxLines()),
        CartReplies.snapshot(item.price(), item.productId(), item.title()));
  }

  @Override
  public Future<StoreAnswer> removeLine(UUID id, Caller caller, String sku) {
    return run("remove-line", id, caller, sku);
  }

  @Override
  public Future<StoreAnswer> clear(UUID id, Caller caller) {
    return run("clear", id, caller);
  }

  @Override
  public Future<StoreAnswer> coupon(UUID id, Caller caller, String code, boolean apply) {
    return run("coupon", id, caller, code, apply ? "apply" : "remove", String.valueOf(rules.maxCoupons()));
  }

  @Override
  public Future<StoreAnswer> adopt(UUID guestId, Caller caller) {
    return run("adopt", guestId, caller);
  }

  @Override
  public Future<StoreAnswer> merge(UUID guestId, UUID targetId, Caller caller, long guestVersion,
      Map<String, CatalogItem> repriced) {
    List<String> args = new ArrayList<>(List.of(targetId.toString(), String.valueOf(guestVersion),
        String.valueOf(rules.maxLineQuantity()), String.valueOf(rules.maxLines()), String.valueOf(rules.maxCoupons()),
        repriced == null ? "0" : "1"));
    if (repriced != null) {
      repriced.forEach((sku, item) -> {
        args.add(sku);
        args.add(CartReplies.snapshot(item.price(), item.productId(), item.title()));
      });
    }
    return run("merge", guestId, caller, args.toArray(String[]::new));
  }

  @Override
  public Future<StoreAnswer> checkoutView(UUID id, Caller caller) {
    return run("checkout-view", id, caller);
  }

  @Override
  public Future<StoreAnswer> checkedOut(UUID id, UUID orderId, long version) {
    return run("checked-out", id, Caller.NOBODY, orderId.toString(), String.valueOf(version));
  }

  @Override
  public Future<Boolean> restore(Cart cart) {
    JsonObject fields = new JsonObject().put("currency", cart.currency())
        .put("owner", cart.customerId() == null ? "" : cart.customerId().toString()).put("token", cart.tokenHash())
        .put("created", millis(cart.createdAt())).put("updated", millis(cart.updatedAt()))
        .put("version", String.valueOf(cart.version())).put("seq", String.valueOf(cart.nextPosition()))
        .put("coupons", new JsonArray(cart.couponCodes()).encode()).put("expires", millis(cart.expiresAt()));
    putIfSet(fields, "merged", cart.mergedInto());
    putIfSet(fields, "mergedBy", cart.mergedBy());
    putIfSet(fields, "order", cart.lastOrderId());
    JsonObject units = new JsonObject();
    JsonObject items = new JsonObject();
    for (CartLine line : cart.lines()) {
      units.put(line.sku(), String.valueOf(line.quantity()));
      items.put(line.sku(), line.position() + ":" + CartReplies.snapshot(line.unitPrice(), line.productId(), line.title()));
    }
    return script("restore", cart.id(), Caller.NOBODY, fields.encode(), units.encode(), items.encode(),
        millis(cart.expiresAt()))
        .map(reply -> !"expired".equals(reply.get(0).toString()));
  }

  @Override
  public Future<List<Claimed>> claimUnsaved(long cutoffMs, int limit) {
    return redis.eval(scripts.get("claim"), List.of("cart:dirty"), args(Caller.NOBODY, "dirty",
            String.valueOf(cutoffMs), String.valueOf(limit)))
        .map(RedisCarts::claimed)
        .recover(this::unavailable);
  }

  @Override
  public Future<List<Claimed>> leaseIdle(long cutoffMs, int limit, long leaseScore) {
    return redis.eval(scripts.get("claim"), List.of("cart:activity"), args(Caller.NOBODY, "activity",
            String.valueOf(cutoffMs), String.valueOf(limit), String.valueOf(leaseScore)))
        .map(RedisCarts::claimed)
        .recover(this::unavailable);
  }

  @Override
  public Future<Void> settleIdle(List<UUID> ids, long leaseScore) {
    List<String> args = args(Caller.NOBODY, String.valueOf(leaseScore));
    ids.forEach(id -> args.add(id.toString()));
    return redis.eval(scripts.get("settle"), List.of("cart:activity"), args).<Void>mapEmpty().recover(this::unavailable);
  }

  private static List<Claimed> claimed(Response reply) {
    List<Claimed> claimed = new ArrayList<>();
    for (Response state : reply) {
      claimed.add(new Claimed(CartReplies.cart(state), (long) Double.parseDouble(state.get(0).toString())));
    }
    return claimed;
  }

  @Override
  public Future<Void> giveBackUnsaved(UUID id, long score) {
    return redis.send(Request.cmd(Command.ZADD).arg("cart:dirty").arg("NX").arg(score).arg(id.toString()))
        .<Void>mapEmpty().recover(this::unavailable);
  }

  private Future<StoreAnswer> run(String script, UUID id, Caller caller, String... more) {
    return script(script, id, caller, more).map(CartReplies::answer);
  }

  private Future<Response> script(String script, UUID id, Caller caller, String... more) {
    List<String> args = args(caller, id.toString());
    args.addAll(Arrays.asList(more));
    return redis.eval(scripts.get(script), List.of(key(id)), args).recover(this::unavailable);
  }

  private List<String> args(Caller caller, String... more) {
    List<String> args = new ArrayList<>(List.of(String.valueOf(clock.millis()),
        caller.customerId() == null ? "" : caller.customerId().toString(),
        caller.tokenHash() == null ? "" : caller.tokenHash(), guestTtlMs, customerTtlMs));
    args.addAll(Arrays.asList(more));
    return args;
  }

  private <T> Future<T> unavailable(Throwable failure) {
    LOG.warn("Cart store request failed: {}", failure.toString());
    return Future.failedFuture(new Rejected(new Rejection.Unavailable(
        "The cart store cannot be reached right now; try again.")));
  }

  private static String millis(java.time.Instant instant) {
    return instant == null ? "0" : String.valueOf(instant.toEpochMilli());
  }

  private static void putIfSet(JsonObject fields, String name, UUID value) {
    if (value != null) {
      fields.put(name, value.toString());
    }
  }
}
