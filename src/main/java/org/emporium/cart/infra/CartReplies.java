package org.emporium.cart.infra;

import io.vertx.core.json.JsonArray;
import io.vertx.redis.client.Response;
import org.emporium.cart.application.StoreAnswer;
import org.emporium.cart.application.StoreAnswer.Outcome;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the scripts' replies: {@code {status, id, detail}}, or {@code {status, id, fields, lines,
 * items}} with the cart's three hashes as flat field/value arrays.
 */
final class CartReplies {

  private static final Map<String, Outcome> STATUSES = Map.ofEntries(
      Map.entry("ok", Outcome.OK), Map.entry("created", Outcome.CREATED), Map.entry("existing", Outcome.EXISTING),
      Map.entry("none", Outcome.NONE), Map.entry("missing", Outcome.MISSING), Map.entry("denied", Outcome.DENIED),
      Map.entry("merged", Outcome.MERGED), Map.entry("lines", Outcome.LINE_LIMIT),
      Map.entry("quantity", Outcome.QUANTITY_LIMIT), Map.entry("coupons", Outcome.COUPON_LIMIT),
      Map.entry("retry", Outcome.RETRY), Map.entry("has-cart", Outcome.HAS_CART), Map.entry("owned", Outcome.OWNED),
      Map.entry("target-missing", Outcome.TARGET_MISSING), Map.entry("target-denied", Outcome.TARGET_DENIED));

  private CartReplies() {
  }

  static StoreAnswer answer(Response reply) {
    String status = reply.get(0).toString();
    Outcome outcome = STATUSES.get(status);
    if (outcome == null) {
      throw new IllegalStateException("unexpected cart script status " + status);
    }
    if (isState(reply)) {
      return new StoreAnswer(outcome, cart(reply), null);
    }
    String detail = reply.size() > 2 && reply.get(2) != null ? reply.get(2).toString() : null;
    return StoreAnswer.of(outcome, detail == null || detail.isEmpty() ? null : detail);
  }

  static boolean isState(Response reply) {
    return reply.size() == 5 && reply.get(2) != null && reply.get(2).type() == io.vertx.redis.client.ResponseType.MULTI;
  }

  /** A cart from a state reply. */
  static Cart cart(Response state) {
    UUID id = UUID.fromString(state.get(1).toString());
    Map<String, String> fields = map(state.get(2));
    Map<String, String> units = map(state.get(3));
    Map<String, String> items = map(state.get(4));
    List<CartLine> lines = new ArrayList<>();
    units.forEach((sku, quantity) -> lines.add(line(sku, Integer.parseInt(quantity), items.get(sku))));
    return new Cart(id, uuid(fields.get("owner")), fields.get("token"), fields.get("currency"), lines,
        coupons(fields.get("coupons")),
        number(fields.get("version")), number(fields.get("seq")), time(fields.get("created")),
        time(fields.get("updated")), time(fields.get("expires")), uuid(fields.get("merged")),
        uuid(fields.get("mergedBy")), uuid(fields.get("order")));
  }

  /** {@code <position>:<unit price>|<product id>|<title>} and the units make a line. */
  private static CartLine line(String sku, int quantity, String item) {
    if (item == null) {
      return new CartLine(sku, quantity, 0, null, "", Long.MAX_VALUE);
    }
    int colon = item.indexOf(':');
    int price = item.indexOf('|', colon + 1);
    int product = item.indexOf('|', price + 1);
    return new CartLine(sku, quantity, Long.parseLong(item.substring(colon + 1, price)),
        uuid(item.substring(price + 1, product)), item.substring(product + 1), Long.parseLong(item.substring(0, colon)));
  }

  /** The snapshot of a line as the scripts keep it: unit price, product and title (last: it may hold '|'). */
  static String snapshot(long unitPrice, UUID productId, String title) {
    return unitPrice + "|" + (productId == null ? "" : productId) + "|" + (title == null ? "" : title);
  }

  static Map<String, String> map(Response flat) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      map.put(flat.get(i).toString(), flat.get(i + 1).toString());
    }
    return map;
  }

  private static List<String> coupons(String json) {
    return json == null || json.equals("[]") ? List.of()
        : new JsonArray(json).stream().map(String::valueOf).toList();
  }

  private static UUID uuid(String text) {
    return text == null || text.isEmpty() ? null : UUID.fromString(text);
  }

  private static long number(String text) {
    return text == null || text.isEmpty() ? 0 : Long.parseLong(text);
  }

  private static Instant time(String millis) {
    return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }
}
