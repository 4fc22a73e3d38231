package org.emporium.cart.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.cart.application.CartCopies;
import org.emporium.cart.domain.Cart;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable copies in {@code cart.cart}: the whole cart as a JSON document plus the columns looked up
 * by. An upsert replaces a row only with a newer version (or the same version with a later expiry),
 * so a late or repeated save never takes a copy back in time; rows are written in id order so that
 * two nodes saving overlapping batches cannot deadlock.
 */
public final class PgCartCopies implements CartCopies {

  private static final String SAVE = """
      INSERT INTO cart.cart AS c (id, customer_id, status, currency, version, item_count, document, created_at,
        updated_at, expires_at, saved_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, status = EXCLUDED.status,
        version = EXCLUDED.version, item_count = EXCLUDED.item_count, document = EXCLUDED.document,
        updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at, saved_at = EXCLUDED.saved_at
      WHERE (c.version, c.expires_at) < (EXCLUDED.version, EXCLUDED.expires_at)""";
  private static final String FIND = "SELECT document FROM cart.cart WHERE id = $1 AND expires_at > $2";
  private static final String ACTIVE = """
      SELECT id FROM cart.cart WHERE customer_id = $1 AND status = 'active' AND expires_at > $2
      ORDER BY updated_at DESC LIMIT 1""";
  private static final String PURGE = """
      DELETE FROM cart.cart WHERE id IN (SELECT id FROM cart.cart WHERE expires_at < $1 LIMIT $2)""";

  @Override
  public Future<Void> save(SqlClient client, List<Cart> carts, Instant savedAt) {
    if (carts.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = carts.stream().sorted(Comparator.comparing(Cart::id)).map(cart -> Tuple.of(cart.id(),
        cart.customerId(), cart.isMerged() ? "merged" : "active", cart.currency(), cart.version(),
        (int) Math.min(Integer.MAX_VALUE, cart.itemCount()), CartDocuments.toJson(cart), time(cart.createdAt()),
        time(cart.updatedAt()), time(cart.expiresAt()), time(savedAt))).toList();
    return client.preparedQuery(SAVE).executeBatch(rows).mapEmpty();
  }

  @Override
  public Future<Optional<Cart>> find(SqlClient client, UUID id, Instant now) {
    return client.preparedQuery(FIND).execute(Tuple.of(id, time(now))).map(rows -> {
      for (Row row : rows) {
        return Optional.of(CartDocuments.fromJson((JsonObject) row.getValue("document")));
      }
      return Optional.empty();
    });
  }

  @Override
  public Future<Optional<UUID>> activeCartOf(SqlClient client, UUID customerId, Instant now) {
    return client.preparedQuery(ACTIVE).execute(Tuple.of(customerId, time(now))).map(rows -> {
      for (Row row : rows) {
        return Optional.of(row.getUUID("id"));
      }
      return Optional.empty();
    });
  }

  @Override
  public Future<Integer> purgeExpired(SqlClient client, Instant now, int limit) {
    return client.preparedQuery(PURGE).execute(Tuple.of(time(now), limit)).map(rows -> rows.rowCount());
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
