package org.emporium.checkout.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.checkout.application.PurchaseCounts;
import org.emporium.checkout.domain.PurchaseCaps;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Purchase counts in {@code checkout.purchase_count}, one conditional upsert per take: a row grows
 * only while it stays within the cap, so concurrent checkouts of one buyer cannot pass it together,
 * with no lock held between statements. What a checkout counted is kept in
 * {@code checkout.purchase_claim} (same statement), which is what makes giving back exactly once.
 */
public final class PgPurchaseCounts implements PurchaseCounts {

  private static final String TAKE = "WITH wanted AS (SELECT * FROM unnest($3::text[], $4::int[], $5::int[]) "
      + "AS w(sku, units, cap)), counted AS (INSERT INTO checkout.purchase_count AS c (buyer, sku, units) "
      + "SELECT $2, sku, units FROM wanted WHERE units <= cap ON CONFLICT (buyer, sku) DO UPDATE "
      + "SET units = c.units + EXCLUDED.units "
      + "WHERE c.units + EXCLUDED.units <= (SELECT cap FROM wanted WHERE wanted.sku = EXCLUDED.sku) RETURNING c.sku), "
      + "claimed AS (INSERT INTO checkout.purchase_claim (checkout_id, buyer, sku, units) "
      + "SELECT $1, $2, w.sku, w.units FROM wanted w JOIN counted USING (sku) ON CONFLICT DO NOTHING) "
      + "SELECT sku FROM counted";
  private static final String GIVE_BACK = "WITH gone AS (DELETE FROM checkout.purchase_claim WHERE checkout_id = $1 "
      + "RETURNING buyer, sku, units) UPDATE checkout.purchase_count c SET units = c.units - gone.units FROM gone "
      + "WHERE c.buyer = gone.buyer AND c.sku = gone.sku";

  private final Pool pool;

  public PgPurchaseCounts(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<PurchaseCaps.Claim>> take(UUID checkoutId, String buyer, List<PurchaseCaps.Claim> claims) {
    Tuple args = Tuple.of(checkoutId, buyer, claims.stream().map(PurchaseCaps.Claim::sku).toArray(String[]::new),
        claims.stream().map(PurchaseCaps.Claim::units).toArray(Integer[]::new),
        claims.stream().map(PurchaseCaps.Claim::cap).toArray(Integer[]::new));
    if (claims.size() == 1) {
      // one statement is atomic on its own: over the cap, it writes nothing
      return pool.preparedQuery(TAKE).execute(args).map(rows -> over(claims, rows));
    }
    // several capped lines: all or none, so a line over its cap takes the others' counts back with it
    return pool.withTransaction(connection -> connection.preparedQuery(TAKE).execute(args).compose(rows -> {
      List<PurchaseCaps.Claim> over = over(claims, rows);
      return over.isEmpty() ? Future.succeededFuture(over) : Future.failedFuture(new OverCap(over));
    })).recover(failure -> failure instanceof OverCap overCap ? Future.succeededFuture(overCap.claims)
        : Future.failedFuture(failure));
  }

  @Override
  public Future<Void> giveBack(UUID checkoutId) {
    return pool.preparedQuery(GIVE_BACK).execute(Tuple.of(checkoutId)).mapEmpty();
  }

  private static List<PurchaseCaps.Claim> over(List<PurchaseCaps.Claim> claims, Iterable<Row> counted) {
    Set<String> skus = new HashSet<>();
    counted.forEach(row -> skus.add(row.getString("sku")));
    return claims.stream().filter(claim -> !skus.contains(claim.sku())).toList();
  }

  /** Rolls the transaction back while carrying the claims over their cap. */
  private static final class OverCap extends RuntimeException {

    private final transient List<PurchaseCaps.Claim> claims;

    OverCap(List<PurchaseCaps.Claim> claims) {
      super("over the purchase cap", null, false, false);
      this.claims = claims;
    }
  }
}
