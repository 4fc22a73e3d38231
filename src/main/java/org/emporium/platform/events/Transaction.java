package org.emporium.platform.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One database transaction of a use case, collecting the events it publishes: the state change
 * and its events commit together or not at all. The easy path for every context:
 * <pre>{@code
 * Transaction.run(pool, outbox, tx -> products.insert(tx.connection(), product)
 *     .onSuccess(v -> tx.publish(OutboxEvent.of("product", id, "product.created", data))));
 * }</pre>
 */
public final class Transaction {

  private final SqlConnection connection;
  private final List<OutboxEvent> events = new ArrayList<>();

  private Transaction(SqlConnection connection) {
    this.connection = connection;
  }

  /**
   * Runs {@code work} in a transaction; the events it published are written to the outbox just
   * before the commit, and the relays are woken after it. A failed {@code work} rolls everything
   * back, events included.
   */
  public static <T> Future<T> run(Pool pool, Outbox outbox, Function<Transaction, Future<T>> work) {
    AtomicBoolean published = new AtomicBoolean();
    return pool.<T>withTransaction(connection -> {
      Transaction tx = new Transaction(connection);
      return work.apply(tx).compose(result -> {
        published.set(!tx.events.isEmpty());
        return outbox.append(connection, tx.events).map(written -> result);
      });
    }).onSuccess(committed -> {
      if (published.get()) {
        outbox.committed(pool);
      }
    });
  }

  public SqlConnection connection() {
    return connection;
  }

  /** Records an event to publish if, and only if, this transaction commits. */
  public Transaction publish(OutboxEvent event) {
    events.add(event);
    return this;
  }

  public List<OutboxEvent> events() {
    return List.copyOf(events);
  }
}
