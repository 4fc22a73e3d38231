package org.emporium.ordering.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.ordering.domain.Order;
import org.emporium.ordering.domain.Rejection;

import java.util.List;
import java.util.UUID;

/** One order (the viewer's own, or any for a manager) and pages of orders, newest first. */
public final class Reading {

  private final Pool pool;
  private final Orders orders;

  public Reading(Pool pool, Orders orders) {
    this.pool = pool;
    this.orders = orders;
  }

  public Future<Order> get(UUID id, Viewer viewer) {
    return orders.find(pool, id).compose(found -> found.isPresent() && viewer.sees(found.get())
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(new Rejected(new Rejection.NotFound("No order " + id + "."))));
  }

  /** The page {@code query} asks for; one row more than asked tells whether another page follows. */
  public Future<Page> list(OrderQuery query) {
    OrderQuery probe = new OrderQuery(query.customerId(), query.status(), query.from(), query.to(), query.after(),
        query.limit() + 1);
    return orders.page(pool, probe).map(rows -> {
      if (rows.size() <= query.limit()) {
        return new Page(rows, null);
      }
      List<Order> items = rows.subList(0, query.limit());
      Order last = items.get(items.size() - 1);
      return new Page(List.copyOf(items), new OrderCursor(last.createdAt(), last.id()));
    });
  }

  /** A page and where the next one starts (null on the last page). */
  public record Page(List<Order> items, OrderCursor next) {
  }
}
