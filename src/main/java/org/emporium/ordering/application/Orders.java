package org.emporium.ordering.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.ordering.domain.Order;
import org.emporium.ordering.domain.Transition;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where orders are kept (schema {@code ordering}); writes take the transaction's connection. */
public interface Orders {

  /** Stores a new order with its lines and first history entry; false when the id exists already. */
  Future<Boolean> insert(SqlClient tx, Order order);

  /** The order with its lines and history. */
  Future<Optional<Order>> find(SqlClient client, UUID id);

  /** As {@link #find}, locking the order's row until the transaction ends. */
  Future<Optional<Order>> lock(SqlClient tx, UUID id);

  /** Stores the status {@code moved} reached through {@code transition} (appended to the history). */
  Future<Void> moved(SqlClient tx, Order moved, Transition transition);

  /** Stores the refunded amount of {@code order}. */
  Future<Void> refunded(SqlClient tx, Order order);

  /** One page of orders without lines and history, newest first. */
  Future<List<Order>> page(SqlClient client, OrderQuery query);
}
