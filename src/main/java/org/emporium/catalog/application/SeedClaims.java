package org.emporium.catalog.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** Lets one node, once, seed an empty catalog. */
public interface SeedClaims {

  /** True when the catalog has no product and no node claimed {@code name} before. */
  Future<Boolean> claimIfEmpty(Pool pool, String name);
}
