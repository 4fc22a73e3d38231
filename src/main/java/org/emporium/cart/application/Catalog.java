package org.emporium.cart.application;

import io.vertx.core.Future;
import org.emporium.cart.domain.CatalogItem;

import java.util.Collection;
import java.util.Map;

/** The catalog context, asked about SKUs in the cart currency; fails (unavailable) when it does not answer. */
public interface Catalog {

  /** The items the catalog knows among {@code skus} (at most 200), by SKU. */
  Future<Map<String, CatalogItem>> lookup(Collection<String> skus, String currency);
}
