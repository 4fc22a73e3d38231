package org.emporium.customer.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.customer.domain.SavedAddress;
import org.emporium.platform.auth.Principal;

import java.util.List;

/** Pages through the caller's address book: the default shipping address first, then newest first. */
public final class ListingAddresses {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  private final Pool pool;
  private final Addresses addresses;

  public ListingAddresses(Pool pool, Addresses addresses) {
    this.pool = pool;
    this.addresses = addresses;
  }

  /** One page of at most {@code limit} addresses after {@code after} (null: the first page). */
  public Future<Page> list(Principal caller, AddressCursor after, int limit) {
    // one row more than asked tells whether another page follows
    return addresses.page(pool, caller.customerId(), after, limit + 1).map(rows -> {
      if (rows.size() <= limit) {
        return new Page(rows, null);
      }
      List<SavedAddress> items = rows.subList(0, limit);
      SavedAddress last = items.get(limit - 1);
      return new Page(List.copyOf(items), new AddressCursor(last.isDefault() ? 1 : 0, last.address().id()));
    });
  }

  /** A page and where the next one starts (null on the last page). */
  public record Page(List<SavedAddress> items, AddressCursor next) {
  }
}
