package org.emporium.ordering.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.ordering.domain.Order;
import org.emporium.ordering.domain.Transition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where orders are kept (schema {@code ordering}); writes take the transaction's connection. */
public interface Orders {

  /**
   * Makes this transaction and any other of the same order id that asks take turns (until each
   * ends): a place and a checkout's cancel of one id never run side by side.
   */
  Future<Void> guard(SqlClient tx, UUID id);

  /** Records that checkout cancelled {@code id} before any order of that id existed. */
  Future<Void> tombstone(SqlClient tx, UUID id, Instant at, String actor, String reason);

  /**
   * Stores a new order with its lines and first history entry; false when the id exists already
   * or was cancelled before it was placed (a tombstone).
   */
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
