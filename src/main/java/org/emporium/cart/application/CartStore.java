package org.emporium.cart.application;

import io.vertx.core.Future;
import org.emporium.cart.domain.Caller;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CatalogItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The live carts (Redis). Every operation is one atomic step in the store: it checks that the
 * caller owns the cart, applies the change within the caps, renews the cart's time to live and
 * answers the cart as it now is. Nothing is read and written back by the caller.
 */
public interface CartStore {

  /** A cart a sweeper took, with its score (first unsaved change, or last use, in ms). */
  record Claimed(Cart cart, long score) {
  }

  /** A line change: {@code add} units to the line, or set it to {@code quantity}; {@code item} is the new snapshot. */
  record LineChange(String sku, int quantity, boolean add, CatalogItem item) {
  }

  Future<StoreAnswer> createGuest(UUID id, String currency, String tokenHash);

  /** The signed-in caller's cart ({@code EXISTING}), or with {@code create} a new one ({@code CREATED}), else {@code NONE}. */
  Future<StoreAnswer> openOwn(Caller caller, UUID newId, String currency, boolean create);

  Future<StoreAnswer> read(UUID id, Caller caller);

  Future<StoreAnswer> putLine(UUID id, Caller caller, LineChange change);

  Future<StoreAnswer> removeLine(UUID id, Caller caller, String sku);

  Future<StoreAnswer> clear(UUID id, Caller caller);

  Future<StoreAnswer> coupon(UUID id, Caller caller, String code, boolean apply);

  /** Binds a guest cart to the signed-in caller, who has no cart ({@code HAS_CART} when they do). */
  Future<StoreAnswer> adopt(UUID guestId, Caller caller);

  /**
   * Merges a guest cart at {@code guestVersion} into the caller's cart; {@code repriced} (SKU to item
   * in the target currency) replaces the guest's snapshots when not null.
   */
  Future<StoreAnswer> merge(UUID guestId, UUID targetId, Caller caller, long guestVersion,
      Map<String, CatalogItem> repriced);

  /** The cart for checkout; remembers its lines at this version. */
  Future<StoreAnswer> checkoutView(UUID id, Caller caller);

  /** Takes away what order {@code orderId} took from the cart at {@code version}; once per order. */
  Future<StoreAnswer> checkedOut(UUID id, UUID orderId, long version);

  /** Puts a lost cart back; false when it had expired. A cart that is there already is left as it is. */
  Future<Boolean> restore(Cart cart);

  /** Takes up to {@code limit} carts first changed at most at {@code cutoffMs} out of the unsaved set. */
  Future<List<Claimed>> claimUnsaved(long cutoffMs, int limit);

  /**
   * Leases up to {@code limit} carts with lines last used at most at {@code cutoffMs}: they stay in
   * the activity set, scored {@code leaseScore} so that no sweeper sees them again before the lease
   * runs out; their {@code score} is their last use.
   */
  Future<List<Claimed>> leaseIdle(long cutoffMs, int limit, long leaseScore);

  /** Ends the leases of carts whose abandonment is recorded; a cart used meanwhile stays in the set. */
  Future<Void> settleIdle(List<UUID> ids, long leaseScore);

  /** Puts a claimed cart back into the unsaved set, unless it is there again already. */
  Future<Void> giveBackUnsaved(UUID id, long score);
}
