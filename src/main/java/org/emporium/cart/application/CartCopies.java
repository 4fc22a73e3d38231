package org.emporium.cart.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.cart.domain.Cart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The durable copies of carts (PostgreSQL): a newer version always wins, an older one never overwrites. */
public interface CartCopies {

  Future<Void> save(SqlClient client, List<Cart> carts, Instant savedAt);

  /** The copy of a cart that has not expired at {@code now}. */
  Future<Optional<Cart>> find(SqlClient client, UUID id, Instant now);

  /** The customer's most recently changed cart that has not expired and was not merged away. */
  Future<Optional<UUID>> activeCartOf(SqlClient client, UUID customerId, Instant now);

  /** Deletes up to {@code limit} copies that expired before {@code now}; answers how many. */
  Future<Integer> purgeExpired(SqlClient client, Instant now, int limit);
}
