package org.emporium.checkout.application;

import io.vertx.core.Future;
import org.emporium.checkout.domain.PurchaseCaps;

import java.util.List;
import java.util.UUID;

/** The units each buyer bought of capped SKUs, counted per checkout so that they can be given back. */
public interface PurchaseCounts {

  /**
   * Counts the claims for the checkout, all or none, each only within its cap; the claims over
   * their cap (nothing counted then), empty when counted.
   */
  Future<List<PurchaseCaps.Claim>> take(UUID checkoutId, String buyer, List<PurchaseCaps.Claim> claims);

  /** Gives back what the checkout counted; nothing when it counted nothing or gave back already. */
  Future<Void> giveBack(UUID checkoutId);
}
