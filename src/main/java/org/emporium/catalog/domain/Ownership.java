package org.emporium.catalog.domain;

import org.emporium.platform.auth.Principal;

import java.util.UUID;

/**
 * Who may see and change a product: admins (permission {@value #MANAGE}) everything, a seller
 * only the products of the shop in their token, shoppers only published products.
 */
public final class Ownership {

  public static final String WRITE = "catalog:write";
  public static final String MANAGE = "catalog:manage";

  private Ownership() {
  }

  public static boolean canChange(Principal caller, UUID shopId) {
    return caller.has(MANAGE) || caller.has(WRITE) && shopId.toString().equals(caller.shopId());
  }

  public static boolean canSee(Principal caller, UUID shopId, ProductStatus status) {
    return status == ProductStatus.PUBLISHED || caller != null && canChange(caller, shopId);
  }
}
