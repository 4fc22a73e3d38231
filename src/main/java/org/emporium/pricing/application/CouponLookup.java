package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.pricing.domain.CouponCheck;
import org.emporium.pricing.domain.CouponCodes;
import org.emporium.pricing.domain.DiscountLine;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.domain.Shopper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Loads what a {@link CouponCheck} needs: the codes' promotions and, only when one asks for them, the customer's orders and uses. */
final class CouponLookup {

  private final Promotions promotions;
  private final Redemptions redemptions;

  CouponLookup(Promotions promotions, Redemptions redemptions) {
    this.promotions = promotions;
    this.redemptions = redemptions;
  }

  Future<CouponCheck.Outcome> check(SqlClient client, List<String> codes, Optional<UUID> customer, String currency,
      Instant at, Optional<List<DiscountLine>> lines) {
    List<String> lookups = codes.stream().map(CouponCodes::normalise).filter(CouponCodes::isValid).distinct().toList();
    Future<Map<String, Promotion>> found = lookups.isEmpty() ? Future.succeededFuture(Map.of())
        : promotions.byCodes(client, lookups);
    return found.compose(byCode -> shopper(client, customer, byCode)
        .map(shopper -> new CouponCheck(currency, at, shopper, lines).check(codes, byCode)));
  }

  private Future<Shopper> shopper(SqlClient client, Optional<UUID> customer, Map<String, Promotion> found) {
    if (customer.isEmpty()) {
      return Future.succeededFuture(Shopper.GUEST);
    }
    List<UUID> ids = found.values().stream().map(Promotion::id).distinct().toList();
    boolean needsUses = found.values().stream().anyMatch(p -> p.definition().limits().perCustomer() != null);
    boolean needsOrders = found.values().stream().anyMatch(p -> p.definition().conditions().firstOrder());
    Future<Map<UUID, Integer>> uses = needsUses ? redemptions.uses(client, customer.get(), ids)
        : Future.succeededFuture(Map.of());
    Future<Integer> orders = needsOrders ? redemptions.orders(client, customer.get()) : Future.succeededFuture(0);
    return Future.all(uses, orders).map(both -> new Shopper(customer, orders.result(), uses.result()));
  }
}
